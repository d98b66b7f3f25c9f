using TgeSwarm.Feeds.Exchange.Frames;
using TgeSwarm.Feeds.Exchange.Recording;
using TgeSwarm.Feeds.Exchange.Subscriptions;

namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>
/// A venue's recording prepared once per exchange: every recorded connection scanned, its subscriptions read with
/// the venue's <see cref="ReplayProtocol"/>, and for Binance the per-symbol book resets and REST snapshots that keep
/// a looping replay's depth ids continuous.
/// </summary>
internal sealed class PreparedVenue
{
    private PreparedVenue(VenueRecording recording, ReplayProtocol protocol, List<PreparedConnection> connections)
    {
        Recording = recording;
        Protocol = protocol;
        Connections = connections;
        BookResets = recording.Venue == Venue.Binance ? BinanceBookReset.Build(connections, recording.Http) : [];
    }

    public Venue Venue => Recording.Venue;

    public VenueRecording Recording { get; }

    public ReplayProtocol Protocol { get; }

    public IReadOnlyList<PreparedConnection> Connections { get; }

    /// <summary>Binance only: one per recorded depth stream with a REST snapshot.</summary>
    public IReadOnlyList<BinanceBookReset> BookResets { get; }

    public long PassPeriodMicros => Recording.PassPeriodMicros;

    public static PreparedVenue Load(Venue venue) => Prepare(VenueRecording.Load(venue));

    public static PreparedVenue Prepare(VenueRecording recording)
    {
        var protocol = ReplayProtocol.For(recording.Venue);
        var connections = new List<PreparedConnection>(recording.Connections.Count);
        foreach (var recorded in recording.Connections)
        {
            var scanner = ScannerFor(recording.Venue);
            var classes = new IdClassTable();
            var frames = new List<FrameTemplate>(recorded.Frames.Count);
            foreach (var frame in recorded.Frames)
            {
                frames.Add(scanner.Scan(frame.Data, frame.Micros, classes));
            }

            classes.Freeze();
            connections.Add(new PreparedConnection(recorded, frames, classes, KeysOf(protocol, recorded)));
        }

        return new PreparedVenue(recording, protocol, connections);
    }

    /// <summary>The recorded connections a client connecting to <paramref name="path"/> may be served.</summary>
    public List<PreparedConnection> At(string path) =>
        [.. Connections.Where(c => string.Equals(c.Recorded.Path, string.IsNullOrEmpty(path) ? "/" : path, StringComparison.Ordinal))];

    private static HashSet<string> KeysOf(ReplayProtocol protocol, RecordedConnection recorded)
    {
        var keys = new HashSet<string>(protocol.KeysFromQuery(recorded.Query), StringComparer.Ordinal);
        foreach (var send in recorded.Sends)
        {
            var message = protocol.Read(send);
            if (message.Kind == ClientMessageKind.Subscribe)
            {
                keys.UnionWith(message.Keys);
            }
            else if (message.Kind == ClientMessageKind.Unsubscribe)
            {
                keys.ExceptWith(message.Keys);
            }
        }

        return keys;
    }

    private static FrameScanner ScannerFor(Venue venue) => venue switch
    {
        Venue.Binance => new BinanceFrameScanner(),
        Venue.Bybit => new BybitFrameScanner(),
        Venue.Coinbase => new CoinbaseFrameScanner(),
        Venue.KrakenV1 => new KrakenV1FrameScanner(),
        Venue.Okx => new OkxFrameScanner(),
        _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, "The replay exchange cannot serve this venue."),
    };
}
