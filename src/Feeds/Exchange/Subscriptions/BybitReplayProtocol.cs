using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// Bybit v5: <c>{"req_id":"1","op":"subscribe","args":["orderbook.200.BTCUSDT",…]}</c>, keys are the topics;
/// <c>{"op":"ping"}</c> gets the public pong <c>{"success":true,"ret_msg":"pong","conn_id":…,"req_id":…,"op":"ping"}</c>.
/// </summary>
internal sealed class BybitReplayProtocol : ReplayProtocol
{
    protected override ClientMessage ReadMessage(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        switch (StringOf(root, "op"))
        {
            case "ping":
                return ClientMessage.Pong(Pong(StringOf(root, "req_id")));
            case "subscribe" or "unsubscribe" when root.TryGetProperty("args", out var args):
                return Subscription(StringOf(root, "op") == "subscribe", Strings(args));
            default:
                return ClientMessage.Other;
        }
    }

    private static byte[] Pong(string? requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteString("ret_msg", "pong");
            writer.WriteString("conn_id", "replay-exchange");
            writer.WriteString("req_id", requestId ?? string.Empty);
            writer.WriteString("op", "ping");
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
