namespace TgeSwarm.Feeds.Parsing;

/// <summary>How a venue's trade timestamps are written.</summary>
internal enum TradeTimeFormat
{
    /// <summary>Unix milliseconds, as a number or a numeric string.</summary>
    UnixMilliseconds,

    /// <summary>An ISO 8601 UTC string.</summary>
    Iso8601,
}

/// <summary>
/// The names one venue gives the fields of a trade object (Bybit, Coinbase, Kraken v2 and OKX all send trades as a
/// JSON array of flat objects, differing only in these names and encodings).
/// </summary>
internal sealed class TradeObjectFormat(
    string instrument, string id, string price, string size, string side, string time, string buySide, TradeTimeFormat timeFormat)
{
    public byte[] Instrument { get; } = System.Text.Encoding.UTF8.GetBytes(instrument);

    public byte[] Id { get; } = System.Text.Encoding.UTF8.GetBytes(id);

    public byte[] Price { get; } = System.Text.Encoding.UTF8.GetBytes(price);

    public byte[] Size { get; } = System.Text.Encoding.UTF8.GetBytes(size);

    public byte[] Side { get; } = System.Text.Encoding.UTF8.GetBytes(side);

    public byte[] Time { get; } = System.Text.Encoding.UTF8.GetBytes(time);

    /// <summary>The side value that means the taker bought; anything else is a sell.</summary>
    public byte[] BuySide { get; } = System.Text.Encoding.UTF8.GetBytes(buySide);

    public TradeTimeFormat TimeFormat { get; } = timeFormat;
}
