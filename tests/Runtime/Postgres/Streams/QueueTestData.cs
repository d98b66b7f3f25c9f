using System.Text;
using TgeSwarm.Runtime.Postgres.Streams;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

/// <summary>Batches whose payload is readable text, so an assertion can say which batch a row carries.</summary>
internal static class QueueTestData
{
    public static QueueBatch Batch(string streamKey, string text, int events = 1, string streamNamespace = "trades") =>
        new(streamNamespace, streamKey, events, Encoding.UTF8.GetBytes(text));

    public static string Text(QueueRow row) => Encoding.UTF8.GetString(row.Payload.Span);

    public static string Text(QueueBatch batch) => Encoding.UTF8.GetString(batch.Payload.Span);

    /// <summary>Copies what a read returned, so it can be asserted on after the rows were disposed.</summary>
    public static List<(long Seq, string Key, int Events, string Text)> Snapshot(QueueRows rows) =>
        rows.Select(r => (r.Seq, r.StreamKey, r.EventCount, Text(r))).ToList();
}
