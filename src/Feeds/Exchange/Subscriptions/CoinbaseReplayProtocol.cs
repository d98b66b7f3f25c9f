using System.Text.Json;
using TgeSwarm.Feeds.Exchange.Frames;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// Coinbase Advanced Trade: <c>{"type":"subscribe","product_ids":["BTC-USD"],"channel":"level2"}</c> (or
/// <c>"channels":[…]</c>); keys are the frames' channel names with each product (<c>l2_data:BTC-USD</c>), and
/// <c>heartbeats</c> alone. Coinbase has no application ping.
/// </summary>
internal sealed class CoinbaseReplayProtocol : ReplayProtocol
{
    protected override ClientMessage ReadMessage(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        var type = StringOf(root, "type");
        if (type is not ("subscribe" or "unsubscribe"))
        {
            return ClientMessage.Other;
        }

        var channels = StringOf(root, "channel") is { } channel ? [channel] : root.TryGetProperty("channels", out var list) ? Strings(list) : [];
        var products = root.TryGetProperty("product_ids", out var ids) ? Strings(ids) : [];
        var keys = new List<string>();
        foreach (var name in channels)
        {
            var frameChannel = CoinbaseFrameScanner.FrameChannel(name);
            if (frameChannel == "heartbeats" || products.Count == 0)
            {
                keys.Add(frameChannel);
                continue;
            }

            keys.AddRange(products.Select(p => frameChannel + ":" + p));
        }

        return Subscription(type == "subscribe", keys);
    }
}
