using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// Kraken WS v1: data frames <c>[channelID, payload…, "book-1000", "XBT/CHF"]</c> keyed by channel name and pair
/// (the same key as their <c>subscriptionStatus</c>); heartbeats and <c>systemStatus</c> have no key. Level and
/// trade arrays carry Unix-second strings at index 2, whose whole seconds are shifted; v1 has no ids to rebase.
/// Book checksums cover prices and volumes only, so they still verify on every pass.
/// </summary>
internal sealed class KrakenV1FrameScanner : FrameScanner
{
    private readonly List<string> _names = [];
    private string? _event;
    private string? _channelName;
    private string? _pair;
    private bool _snapshot;

    /// <summary>The channel name of a subscription: <c>book-1000</c> for book at depth 1000 (10 by default), <c>ohlc-1</c>, else its name.</summary>
    public static string ChannelName(string name, int? depth, int? interval) => name switch
    {
        "book" => $"book-{depth ?? 10}",
        "ohlc" => $"ohlc-{interval ?? 1}",
        _ => name,
    };

    protected override void BeginFrame()
    {
        _names.Clear();
        _event = null;
        _channelName = null;
        _pair = null;
        _snapshot = false;
    }

    protected override void EndFrame()
    {
        if (_event is not null)
        {
            Key = _event == "subscriptionStatus" && _channelName is not null && _pair is not null ? _channelName + ":" + _pair : null;
            return;
        }

        if (_names.Count < 2)
        {
            return;
        }

        var channel = _names[^2];
        Key = channel + ":" + _names[^1];
        Kind = channel.StartsWith("book-", StringComparison.Ordinal) ? (_snapshot ? FrameKind.BookSnapshot : FrameKind.BookDelta)
            : channel == "trade" ? FrameKind.Trade
            : FrameKind.Other;
    }

    protected override string ClassName(string role) => role;

    protected override void OnContainer(bool isArray, string? property) => _snapshot |= property is "as" or "bs";

    protected override void OnValue(ref Utf8JsonReader reader, string? property)
    {
        if (Depth == 1)
        {
            if (InArray && Text(ref reader) is { } name)
            {
                _names.Add(name);
            }
            else if (property == "event")
            {
                _event = Text(ref reader);
            }
            else if (property == "channelName")
            {
                _channelName = Text(ref reader);
            }
            else if (property == "pair")
            {
                _pair = Text(ref reader);
            }

            return;
        }

        if (!InArray || !IsArrayAt(Depth - 1))
        {
            return;
        }

        // [price, volume, time(, "r")] in a book side, [price, volume, time, side, type, misc] in a trade list.
        if (Index == 2)
        {
            AddSecondsPrefix(ref reader);
        }
        else if (Index == 1 && PropertyAt(Depth - 1) is "a" or "b")
        {
            MarkQuantity(ref reader);
        }
    }
}
