using System.Text;
using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// Binance: streams in the URL (<c>/stream?streams=nknusdt@depth@100ms/nknusdt@aggTrade</c>), lower-cased. Live
/// <c>{"method":"SUBSCRIBE","params":[…],"id":1}</c> is understood too and answered <c>{"result":null,"id":1}</c>.
/// Pings are WebSocket control frames, answered by the server's WebSocket itself.
/// </summary>
internal sealed class BinanceReplayProtocol : ReplayProtocol
{
    public override bool SubscribesByUrl => true;

    public override IReadOnlyList<string> KeysFromQuery(string query)
    {
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("streams=", StringComparison.Ordinal))
            {
                return [.. Uri.UnescapeDataString(part["streams=".Length..]).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(static s => s.ToLowerInvariant())];
            }
        }

        return [];
    }

    protected override ClientMessage ReadMessage(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var method = StringOf(document.RootElement, "method");
        if (method is not ("SUBSCRIBE" or "UNSUBSCRIBE") || !document.RootElement.TryGetProperty("params", out var parameters))
        {
            return ClientMessage.Other;
        }

        var id = document.RootElement.TryGetProperty("id", out var value) ? value.GetRawText() : "null";
        var keys = Strings(parameters).ConvertAll(static s => s.ToLowerInvariant());
        return new ClientMessage(method == "SUBSCRIBE" ? ClientMessageKind.Subscribe : ClientMessageKind.Unsubscribe, keys, Encoding.UTF8.GetBytes($"{{\"result\":null,\"id\":{id}}}"));
    }
}
