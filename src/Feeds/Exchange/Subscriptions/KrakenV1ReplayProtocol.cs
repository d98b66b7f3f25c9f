using System.Text;
using System.Text.Json;
using TgeSwarm.Feeds.Exchange.Frames;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// Kraken WS v1: <c>{"event":"subscribe","pair":["XBT/CHF"],"subscription":{"name":"book","depth":1000}}</c>; keys
/// are the channel name the data frames carry and the pair (<c>book-1000:XBT/CHF</c>). <c>{"event":"ping","reqid":7}</c>
/// is answered <c>{"event":"pong","reqid":7}</c>.
/// </summary>
internal sealed class KrakenV1ReplayProtocol : ReplayProtocol
{
    protected override ClientMessage ReadMessage(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        var name = StringOf(root, "event");
        if (name == "ping")
        {
            var reqid = root.TryGetProperty("reqid", out var id) ? $",\"reqid\":{id.GetRawText()}" : string.Empty;
            return ClientMessage.Pong(Encoding.UTF8.GetBytes($"{{\"event\":\"pong\"{reqid}}}"));
        }

        if (name is not ("subscribe" or "unsubscribe") || !root.TryGetProperty("subscription", out var subscription) || StringOf(subscription, "name") is not { } channel)
        {
            return ClientMessage.Other;
        }

        var channelName = KrakenV1FrameScanner.ChannelName(channel, IntOf(subscription, "depth"), IntOf(subscription, "interval"));
        var pairs = root.TryGetProperty("pair", out var list) ? Strings(list) : [];
        return Subscription(name == "subscribe", pairs.ConvertAll(p => channelName + ":" + p));
    }

    private static int? IntOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
