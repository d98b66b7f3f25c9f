namespace TgeSwarm.Feeds.Venues.Bybit;

/// <summary>The scalar fields of an <c>orderbook</c> message's data object (its levels are in the feed's lists).</summary>
internal struct BybitBookData
{
    public string? Instrument;
    public long? UpdateId;
}
