using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// OKX v5 <c>{"arg":{"channel","instId"},"action","data":[…]}</c> and acks <c>{"event":"subscribe","arg":{…}}</c>:
/// the key is <c>channel:instId</c>; trade ids and <c>seqId</c>/<c>prevSeqId</c> (the snapshot's −1 stays) have a
/// class per instrument; <c>ts</c> is milliseconds. Checksums cover levels only, so they verify on every pass.
/// </summary>
internal sealed class OkxFrameScanner : FrameScanner
{
    private string? _channel;
    private string? _instrument;
    private string? _action;

    protected override void BeginFrame()
    {
        _channel = null;
        _instrument = null;
        _action = null;
    }

    protected override void EndFrame()
    {
        Key = _channel is null ? null : _channel + ":" + (_instrument ?? "*");
        Kind = _channel switch
        {
            "bbo-tbt" => FrameKind.Other,
            not null when _channel.StartsWith("books", StringComparison.Ordinal) && _action is not null => _action == "update" ? FrameKind.BookDelta : FrameKind.BookSnapshot,
            "trades" or "trades-all" => FrameKind.Trade,
            _ => FrameKind.Other,
        };
    }

    protected override string ClassName(string role) => role + ":" + (_instrument ?? "*");

    protected override void OnValue(ref Utf8JsonReader reader, string? property)
    {
        if (Depth == 1)
        {
            if (property == "action")
            {
                _action = Text(ref reader);
            }

            return;
        }

        if (Depth == 2 && PropertyAt(2) == "arg")
        {
            if (property == "channel")
            {
                _channel = Text(ref reader);
            }
            else if (property == "instId")
            {
                _instrument = Text(ref reader);
            }

            return;
        }

        switch (property)
        {
            case "ts":
                AddDigits(ref reader, SlotKind.Millis);
                break;
            case "tradeId":
                AddTradeId(ref reader, "trade");
                break;
            case "seqId" or "prevSeqId":
                AddDigits(ref reader, SlotKind.Id, "seq");
                break;
            case null when Index == 1 && InArray && PropertyAt(Depth - 1) is "asks" or "bids":
                MarkQuantity(ref reader);
                break;
        }
    }
}
