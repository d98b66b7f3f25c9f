using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// Coinbase Advanced Trade <c>{"channel","timestamp","sequence_num","events":[…]}</c>: the key is the channel and
/// the first product named (<c>l2_data:BTC-USD</c>; <c>heartbeats</c> alone; subscription acks none);
/// <c>sequence_num</c> is renumbered per connection; trade ids and <c>heartbeat_counter</c> are id classes; ISO
/// times, candle <c>start</c> seconds and the heartbeat's Go time are shifted.
/// </summary>
internal sealed class CoinbaseFrameScanner : FrameScanner
{
    private string? _channel;
    private string? _product;
    private string? _eventType;

    /// <summary>The channel a subscription names, as its frames name it (<c>level2</c> arrives as <c>l2_data</c>).</summary>
    public static string FrameChannel(string subscribed) => subscribed switch
    {
        "level2" => "l2_data",
        _ => subscribed,
    };

    protected override void BeginFrame()
    {
        _channel = null;
        _product = null;
        _eventType = null;
    }

    protected override void EndFrame()
    {
        Key = _channel switch
        {
            null or "subscriptions" or "status" => null,
            "heartbeats" => "heartbeats",
            _ => _product is null ? _channel : _channel + ":" + _product,
        };
        Kind = _channel switch
        {
            "l2_data" => _eventType == "update" ? FrameKind.BookDelta : FrameKind.BookSnapshot,
            "market_trades" => FrameKind.Trade,
            _ => FrameKind.Other,
        };
    }

    protected override string ClassName(string role) => role;

    protected override void OnValue(ref Utf8JsonReader reader, string? property)
    {
        if (Depth == 1)
        {
            switch (property)
            {
                case "channel":
                    _channel = Text(ref reader);
                    break;
                case "timestamp":
                    AddDateTime(ref reader, go: false);
                    break;
                case "sequence_num":
                    AddDigits(ref reader, SlotKind.Ordinal);
                    break;
            }

            return;
        }

        switch (property)
        {
            case "type" when Depth == 3:
                _eventType ??= Text(ref reader);
                break;
            case "product_id":
                _product ??= Text(ref reader);
                break;
            case "trade_id":
                AddTradeId(ref reader, "trade");
                break;
            case "time" or "event_time":
                AddDateTime(ref reader, go: false);
                break;
            case "start" when Within("candles"):
                AddDigits(ref reader, SlotKind.Seconds);
                break;
            case "current_time":
                AddDateTime(ref reader, go: true);
                break;
            case "heartbeat_counter":
                AddDigits(ref reader, SlotKind.Id, "heartbeat");
                break;
            case "new_quantity":
                MarkQuantity(ref reader);
                break;
        }
    }
}
