using System.Text.Json;
using TgeSwarm.Feeds.Replay;

namespace TgeSwarm.Feeds.Exchange.Recording;

/// <summary>
/// A venue's recorded session taken apart for serving: its WebSocket connections (subscriptions and frames in time
/// order, as <see cref="RecordingReplay"/> orders them) and its REST responses. Lines that cannot be read are
/// skipped: the parsers' own tests cover bad recordings, the server only needs the good ones.
/// </summary>
internal sealed class VenueRecording
{
    private VenueRecording(Venue venue, List<RecordedConnection> connections, List<RecordedHttp> http)
    {
        Venue = venue;
        Connections = connections;
        Http = http;
        var first = long.MaxValue;
        var last = long.MinValue;
        foreach (var connection in connections)
        {
            if (connection.Frames.Count > 0)
            {
                first = Math.Min(first, connection.Frames[0].Micros);
                last = Math.Max(last, connection.Frames[^1].Micros);
            }
        }

        // Whole seconds, at least one past the last frame: a pass's times then differ from the previous pass's
        // only in their whole seconds, so shifting a timestamp never touches its fraction digits.
        var span = first <= last ? last - first : 0;
        PassPeriodMicros = (span / 1_000_000 + 2) * 1_000_000;
    }

    public Venue Venue { get; }

    public IReadOnlyList<RecordedConnection> Connections { get; }

    public IReadOnlyList<RecordedHttp> Http { get; }

    /// <summary>How far each pass of a looping replay moves every time: the session's length rounded up to whole seconds, plus one.</summary>
    public long PassPeriodMicros { get; }

    public static VenueRecording Load(Venue venue)
    {
        using var stream = RecordedSessions.Open(venue);
        return Load(venue, stream);
    }

    public static VenueRecording Load(Venue venue, Stream input)
    {
        var bytes = RecordingBytes.ReadAll(input);
        var scratch = new ScratchBuffer();
        var connections = new Dictionary<string, RecordedConnection>(StringComparer.Ordinal);
        var order = new List<RecordedConnection>();
        var http = new List<RecordedHttp>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end;
            if (end > start)
            {
                Read(bytes.AsSpan(start, end - start), scratch, connections, order, http);
            }

            start = end + 1;
        }

        foreach (var connection in order)
        {
            // Stable, as the normalize command's replay orders them.
            var sorted = connection.Frames.OrderBy(static f => f.Micros).ToList();
            connection.Frames.Clear();
            connection.Frames.AddRange(sorted);
        }

        return new VenueRecording(venue, order, [.. http.OrderBy(static h => h.Micros)]);
    }

    private static void Read(ReadOnlySpan<byte> line, ScratchBuffer scratch, Dictionary<string, RecordedConnection> connections, List<RecordedConnection> order, List<RecordedHttp> http)
    {
        RecordedLine recorded;
        try
        {
            recorded = RecordingLineParser.Parse(line.TrimEnd("\r"u8), scratch);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return;
        }

        switch (recorded.Kind)
        {
            case RecordedLineKind.Connect when recorded.Connection is { } id && Uri.TryCreate(recorded.Address, UriKind.Absolute, out var address) && !connections.ContainsKey(id):
                var connection = new RecordedConnection(id, address, recorded.ReceivedMicros);
                connections.Add(id, connection);
                order.Add(connection);
                break;
            case RecordedLineKind.Send when recorded.Connection is { } id && connections.TryGetValue(id, out var sender):
                sender.Sends.Add(recorded.Data.ToArray());
                break;
            case RecordedLineKind.Receive when recorded.Connection is { } id && connections.TryGetValue(id, out var receiver):
                receiver.Frames.Add(new RecordedFrame(recorded.Data.ToArray(), recorded.ReceivedMicros));
                break;
            case RecordedLineKind.Http when Uri.TryCreate(recorded.Address, UriKind.Absolute, out var url):
                http.Add(new RecordedHttp(url, recorded.Data.ToArray(), recorded.ReceivedMicros));
                break;
        }
    }
}
