using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// Binance combined-stream frames <c>{"stream":"nknusdt@depth@100ms","data":{…}}</c>: the stream name is the
/// subscription key; <c>U</c>/<c>u</c> (depth updates, anchoring) and bookTicker <c>u</c> share the symbol's depth
/// class, aggregate trade ids (<c>a</c>) and trade ids (<c>t</c>, <c>f</c>, <c>l</c>, kline <c>f</c>/<c>L</c>) have a
/// class each per symbol; <c>E</c>, <c>T</c> and kline <c>t</c>/<c>T</c> are milliseconds.
/// </summary>
internal sealed class BinanceFrameScanner : FrameScanner
{
    public const string DepthRole = "depth";

    private string? _symbol;
    private string? _event;

    /// <summary>The id class of a symbol's depth updates (<c>depth:nknusdt</c>).</summary>
    public static string DepthClass(string lowerSymbol) => DepthRole + ":" + lowerSymbol;

    protected override void BeginFrame()
    {
        _symbol = null;
        _event = null;
    }

    protected override void EndFrame() => Kind = _event switch
    {
        "depthUpdate" => FrameKind.BookDelta,
        "aggTrade" or "trade" => FrameKind.Trade,
        _ => FrameKind.Other,
    };

    protected override string ClassName(string role) => role + ":" + (_symbol ?? "?");

    protected override void OnValue(ref Utf8JsonReader reader, string? property)
    {
        if (Depth == 1 && property == "stream" && Text(ref reader) is { } stream)
        {
            Key = stream.ToLowerInvariant();
            var at = Key.IndexOf('@', StringComparison.Ordinal);
            _symbol = at < 0 ? Key : Key[..at];
            return;
        }

        if (Depth == 2 && PropertyAt(2) == "data")
        {
            OnEventField(ref reader, property);
        }
        else if (Depth == 3 && PropertyAt(3) == "k")
        {
            switch (property)
            {
                case "t" or "T":
                    AddDigits(ref reader, SlotKind.Millis);
                    break;
                case "f" or "L":
                    AddDigits(ref reader, SlotKind.Id, "trade");
                    break;
            }
        }
        else if (Depth == 4 && Index == 1 && PropertyAt(3) is "b" or "a")
        {
            MarkQuantity(ref reader);
        }
    }

    private void OnEventField(ref Utf8JsonReader reader, string? property)
    {
        switch (property)
        {
            case "e":
                _event = Text(ref reader);
                break;
            case "E" or "T":
                AddDigits(ref reader, SlotKind.Millis);
                break;
            case "U" or "u":
                // A bookTicker (no "e") carries the book's id too; it follows the depth class but does not size it.
                AddDigits(ref reader, SlotKind.Id, DepthRole, anchors: _event == "depthUpdate");
                break;
            case "a" when reader.TokenType == JsonTokenType.Number:
                AddDigits(ref reader, SlotKind.Id, "agg");
                break;
            case "f" or "l" or "t":
                AddDigits(ref reader, SlotKind.Id, "trade");
                break;
        }
    }
}
