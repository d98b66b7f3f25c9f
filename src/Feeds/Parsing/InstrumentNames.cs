namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// Venue symbols to the one naming, <c>BASE-QUOTE</c> in upper case. Concatenated symbols (Binance <c>NKNUSDT</c>,
/// Bybit <c>BTCUSDT</c>) are split on the longest known quote currency at their end; Kraken's legacy asset codes are
/// mapped (<c>XBT</c> → <c>BTC</c>).
/// </summary>
internal static class InstrumentNames
{
    // Longest first, so USDT wins over USD and FDUSD over USD.
    private static readonly string[] s_quotes =
    [
        "FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "GBP", "TRY", "BRL", "JPY", "AUD", "CHF", "BTC", "ETH", "BNB", "DAI",
    ];

    public static string FromConcatenated(string symbol)
    {
        var upper = symbol.ToUpperInvariant();
        foreach (var quote in s_quotes)
        {
            if (upper.Length > quote.Length && upper.EndsWith(quote, StringComparison.Ordinal))
            {
                return string.Concat(upper.AsSpan(0, upper.Length - quote.Length), "-", quote);
            }
        }

        return upper;
    }

    /// <summary>Kraken's <c>XBT/CHF</c> (v1) or <c>BTC/USD</c> (v2).</summary>
    public static string FromSlashed(string pair)
    {
        var slash = pair.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? pair.ToUpperInvariant()
            : string.Concat(KrakenAsset(pair[..slash]), "-", KrakenAsset(pair[(slash + 1)..]));
    }

    private static string KrakenAsset(string asset) => asset.ToUpperInvariant() switch
    {
        "XBT" => "BTC",
        "XDG" => "DOGE",
        var other => other,
    };
}
