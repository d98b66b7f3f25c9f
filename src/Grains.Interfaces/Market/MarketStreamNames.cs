namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>The stream provider and namespaces the market pipeline's stages hand their output over on.</summary>
public static class MarketStreamNames
{
    /// <summary>The stream provider the silo registers for the pipeline (memory streams on the embedded default).</summary>
    public const string Provider = "market";

    /// <summary>Parsed venue events as ingestion read them; key: venue name. Consumed by the validation grain.</summary>
    public const string Raw = "market.raw";

    /// <summary>Events that passed validation; key: venue name. Consumed by the transformation grain.</summary>
    public const string Valid = "market.valid";

    /// <summary>Rejected events with their reason; key: venue name. Counted and kept for inspection.</summary>
    public const string Rejected = "market.rejected";

    /// <summary>Deduplicated events of one instrument on one venue; key: <see cref="InstrumentKey"/>. Consumed by the feature grain.</summary>
    public const string Normalized = "market.normalized";

    /// <summary>Feature updates of an instrument from every venue; key: instrument. Consumed by the window and cache grains.</summary>
    public const string Features = "market.features";

    /// <summary>The key of a feature grain and of a <see cref="Normalized"/> stream: <c>binance:BTC-USDT</c>.</summary>
    public static string InstrumentKey(string venue, string instrument) => $"{venue}:{instrument}";

    /// <summary>Splits an <see cref="InstrumentKey"/> back into venue and instrument.</summary>
    public static (string Venue, string Instrument) ParseInstrumentKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            throw new ArgumentException($"'{key}' is not a venue:instrument key (e.g. binance:BTC-USDT).", nameof(key));
        }

        return (key[..colon], key[(colon + 1)..]);
    }
}
