using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// A venue's client side as the replay sees it: what a subscribe, unsubscribe or ping looks like and what the
/// venue answers a ping with. Subscriptions become canonical keys, so request ids, key order, whitespace and how
/// subscriptions are split over messages do not matter; the recording's own send frames go through the same
/// reading, which is how a client's subscriptions are checked against the recorded ones.
/// </summary>
internal abstract class ReplayProtocol
{
    public static ReplayProtocol For(Venue venue) => venue switch
    {
        Venue.Binance => new BinanceReplayProtocol(),
        Venue.Bybit => new BybitReplayProtocol(),
        Venue.Coinbase => new CoinbaseReplayProtocol(),
        Venue.KrakenV1 => new KrakenV1ReplayProtocol(),
        Venue.Okx => new OkxReplayProtocol(),
        _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, "The replay exchange has no protocol for this venue."),
    };

    /// <summary>Whether the subscriptions are in the connection URL (Binance), not in messages.</summary>
    public virtual bool SubscribesByUrl => false;

    /// <summary>Subscription keys named by a connection URL's query (Binance <c>streams=a/b</c>); empty for the others.</summary>
    public virtual IReadOnlyList<string> KeysFromQuery(string query) => [];

    /// <summary>Reads one client frame; never throws on bad input (it is <see cref="ClientMessage.Other"/>).</summary>
    public ClientMessage Read(ReadOnlySpan<byte> frame)
    {
        try
        {
            return ReadMessage(frame);
        }
        catch (JsonException)
        {
            return ClientMessage.Other;
        }
        catch (InvalidOperationException)
        {
            // A field of the wrong JSON type.
            return ClientMessage.Other;
        }
    }

    protected abstract ClientMessage ReadMessage(ReadOnlySpan<byte> frame);

    protected static ClientMessage Subscription(bool subscribe, List<string> keys) =>
        new(subscribe ? ClientMessageKind.Subscribe : ClientMessageKind.Unsubscribe, keys, null);

    protected static List<string> Strings(JsonElement array)
    {
        var values = new List<string>();
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    protected static string? StringOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
