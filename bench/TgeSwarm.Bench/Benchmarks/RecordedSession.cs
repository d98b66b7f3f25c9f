using System.IO.Compression;
using System.Text.Json;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Replay;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// A venue recording taken apart once, in time order, into what a connection would have delivered: frames per
/// connection and REST bodies, so the parse figure times the venue parsers and not the recording format.
/// </summary>
internal sealed class RecordedSession
{
    private RecordedSession(Venue venue, List<Message> messages)
    {
        Venue = venue;
        Messages = messages;
    }

    public Venue Venue { get; }

    public List<Message> Messages { get; }

    public int FrameCount => Messages.Count(static m => m.Connection is not null);

    /// <summary>The venue's session embedded in TgeSwarm.Feeds (<see cref="RecordedSessions"/>).</summary>
    public static RecordedSession Load(Venue venue)
    {
        using var gzip = new GZipStream(RecordedSessions.Open(venue), CompressionMode.Decompress);
        return Load(venue, gzip);
    }

    public static RecordedSession Load(Venue venue, string gzipPath)
    {
        using var gzip = new GZipStream(File.OpenRead(gzipPath), CompressionMode.Decompress);
        return Load(venue, gzip);
    }

    private static RecordedSession Load(Venue venue, Stream gzip)
    {
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        var bytes = plain.ToArray();
        var scratch = new ScratchBuffer();
        var messages = new List<(Message Message, double Seconds)>();
        var addresses = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in Lines(bytes))
        {
            RecordedLine recorded;
            try
            {
                recorded = RecordingLineParser.Parse(bytes.AsSpan(line), scratch);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                continue;
            }

            switch (recorded.Kind)
            {
                case RecordedLineKind.Connect:
                    addresses[recorded.Connection ?? "?"] = recorded.Address;
                    break;
                case RecordedLineKind.Receive:
                    var connection = recorded.Connection ?? "?";
                    messages.Add((new Message(connection, addresses.GetValueOrDefault(connection), null, recorded.Data.ToArray(), recorded.ReceivedMicros), recorded.ReceivedSeconds));
                    break;
                case RecordedLineKind.Http when recorded.Address is not null:
                    messages.Add((new Message(null, null, recorded.Address, recorded.Data.ToArray(), recorded.ReceivedMicros), recorded.ReceivedSeconds));
                    break;
            }
        }

        return new RecordedSession(venue, [.. messages.OrderBy(static m => m.Seconds).Select(static m => m.Message)]);
    }

    /// <summary>Feeds every message to fresh feeds (one per connection), as a live session would; returns the frames parsed.</summary>
    public int ParseAll(IMarketEventSink sink)
    {
        var feeds = new Dictionary<string, IVenueFeed>(StringComparer.Ordinal);
        var frames = 0;
        foreach (var message in Messages)
        {
            if (message.Connection is null)
            {
                foreach (var feed in feeds.Values)
                {
                    feed.OnRestResponse(message.Url!, message.Data, message.ReceivedAt);
                }

                continue;
            }

            if (!feeds.TryGetValue(message.Connection, out var target))
            {
                target = VenueFeeds.Create(Venue, sink, message.Address is null ? null : new Uri(message.Address));
                feeds.Add(message.Connection, target);
            }

            target.OnFrame(message.Data, message.ReceivedAt);
            frames++;
        }

        return frames;
    }

    private static IEnumerable<Range> Lines(byte[] bytes)
    {
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end;
            if (end > start)
            {
                yield return new Range(start, end);
            }

            start = end + 1;
        }
    }

    /// <summary>A frame of <see cref="Connection"/> (whose socket address is <see cref="Address"/>) or, without one, a REST body from <see cref="Url"/>.</summary>
    internal sealed record Message(string? Connection, string? Address, string? Url, byte[] Data, long ReceivedAt);
}
