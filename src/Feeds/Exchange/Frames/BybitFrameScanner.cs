using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// Bybit v5 <c>{"topic":"orderbook.200.BTCUSDT","type":"snapshot|delta","ts",…,"data":…}</c>: the topic is the
/// subscription key (acks have none); book <c>u</c> has a class per topic, cross sequences (<c>seq</c>, <c>cs</c>) and
/// numeric trade ids one per symbol; UUID trade ids get a per-pass node; <c>ts</c>, <c>cts</c>, <c>T</c>, kline
/// <c>start</c>/<c>end</c>/<c>timestamp</c> and <c>nextFundingTime</c> are milliseconds.
/// </summary>
internal sealed class BybitFrameScanner : FrameScanner
{
    private string? _type;
    private string _symbol = "?";

    protected override void BeginFrame()
    {
        _type = null;
        _symbol = "?";
    }

    protected override void EndFrame()
    {
        if (Key is null)
        {
            return;
        }

        Kind = Key.StartsWith("orderbook.", StringComparison.Ordinal) ? (_type == "delta" ? FrameKind.BookDelta : FrameKind.BookSnapshot)
            : Key.StartsWith("publicTrade.", StringComparison.Ordinal) ? FrameKind.Trade
            : FrameKind.Other;
    }

    protected override string ClassName(string role) => role == "u" ? "u:" + Key : role + ":" + _symbol;

    protected override void OnValue(ref Utf8JsonReader reader, string? property)
    {
        if (Depth == 1)
        {
            switch (property)
            {
                case "topic" when Text(ref reader) is { } topic:
                    Key = topic;
                    _symbol = topic[(topic.LastIndexOf('.') + 1)..];
                    break;
                case "type":
                    _type = Text(ref reader);
                    break;
                case "ts" or "cts":
                    AddDigits(ref reader, SlotKind.Millis);
                    break;
                case "cs":
                    AddDigits(ref reader, SlotKind.Id, "seq");
                    break;
            }

            return;
        }

        if (!Within("data"))
        {
            return;
        }

        switch (property)
        {
            case "u":
                AddDigits(ref reader, SlotKind.Id, "u");
                break;
            case "seq":
                AddDigits(ref reader, SlotKind.Id, "seq");
                break;
            case "i":
                AddTradeId(ref reader, "trade");
                break;
            case "T" or "start" or "end" or "timestamp" or "nextFundingTime" or "deliveryTime":
                AddDigits(ref reader, SlotKind.Millis);
                break;
            case null when Index == 1 && InArray && IsArrayAt(Depth - 1) && PropertyAt(Depth - 1) is "b" or "a":
                MarkQuantity(ref reader);
                break;
        }
    }
}
