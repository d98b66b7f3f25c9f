using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Ingestion;

/// <summary>Checks a shard's settings before anything is persisted or connected, with messages that name the field.</summary>
internal static class IngestionSettingsValidator
{
    public static Venue Validate(string shard, IngestionShardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!VenueNames.TryParse(settings.Venue, out var venue))
        {
            throw new ArgumentException($"Venue '{settings.Venue}' is not known; use one of {string.Join(", ", VenueNames.All)}.", nameof(settings));
        }

        var keyVenue = shard.Split('#')[0];
        if (!VenueNames.TryParse(keyVenue, out var shardVenue) || shardVenue != venue)
        {
            throw new ArgumentException($"Shard '{shard}' is keyed venue#shard and its venue must be '{settings.Venue}'.", nameof(settings));
        }

        if (!Uri.TryCreate(settings.WebSocketUrl, UriKind.Absolute, out var ws) || ws.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"WebSocketUrl '{settings.WebSocketUrl}' must be an absolute ws:// or wss:// address.", nameof(settings));
        }

        if (settings.RestUrl is not null
            && (!Uri.TryCreate(settings.RestUrl, UriKind.Absolute, out var rest) || rest.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"RestUrl '{settings.RestUrl}' must be an absolute http:// or https:// address.", nameof(settings));
        }

        if (venue == Venue.Binance && settings.Books && settings.RestUrl is null)
        {
            throw new ArgumentException("Binance books need RestUrl: the depth snapshot comes over REST.", nameof(settings));
        }

        if (settings.Instruments is null || settings.Instruments.Count == 0)
        {
            throw new ArgumentException("Instruments must name at least one instrument, e.g. BTC-USDT.", nameof(settings));
        }

        foreach (var instrument in settings.Instruments)
        {
            if (string.IsNullOrWhiteSpace(instrument) || instrument.IndexOf('-', StringComparison.Ordinal) <= 0)
            {
                throw new ArgumentException($"Instrument '{instrument}' is not a normalised name such as BTC-USDT.", nameof(settings));
            }
        }

        if (!settings.Trades && !settings.Books)
        {
            throw new ArgumentException("A shard must subscribe to trades, books or both.", nameof(settings));
        }

        // The connector's own rules (an endpoint that serves the instruments' market, a depth the venue offers, ...),
        // checked here so a shard refuses them before anything is persisted instead of failing when it connects.
        var connector = new VenueConnectorOptionsValidator().Validate(null, IngestionConnection.OptionsFor(settings, venue.Value));
        if (connector.Failed)
        {
            throw new ArgumentException(string.Join(" ", connector.Failures), nameof(settings));
        }

        return venue.Value;
    }
}
