using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// OKX v5: <c>{"id":"1","op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"}]}</c>; keys are
/// <c>channel:instId</c>. The text <c>ping</c> is answered with the text <c>pong</c>.
/// </summary>
internal sealed class OkxReplayProtocol : ReplayProtocol
{
    private static readonly byte[] PongBytes = "pong"u8.ToArray();

    protected override ClientMessage ReadMessage(ReadOnlySpan<byte> frame)
    {
        if (frame.SequenceEqual("ping"u8))
        {
            return ClientMessage.Pong(PongBytes);
        }

        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        var op = StringOf(root, "op");
        if (op is not ("subscribe" or "unsubscribe") || !root.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
        {
            return ClientMessage.Other;
        }

        var keys = new List<string>();
        foreach (var arg in args.EnumerateArray())
        {
            if (StringOf(arg, "channel") is { } channel)
            {
                keys.Add(channel + ":" + (StringOf(arg, "instId") ?? "*"));
            }
        }

        return Subscription(op == "subscribe", keys);
    }
}
