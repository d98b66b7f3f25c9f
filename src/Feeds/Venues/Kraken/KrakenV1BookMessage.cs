namespace TgeSwarm.Feeds.Venues.Kraken;

internal struct KrakenV1BookMessage
{
    public bool IsSnapshot;
    public long Timestamp;
    public uint? Checksum;
}
