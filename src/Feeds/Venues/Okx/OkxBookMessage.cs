namespace TgeSwarm.Feeds.Venues.Okx;

/// <summary>
/// The fields of one OKX book message, its levels being ranges of the feed's level lists; the 2022 recording
/// predates seqId, and checksums are 0 from 2026-06-23.
/// </summary>
internal struct OkxBookMessage
{
    public long Timestamp;
    public int? Checksum;
    public long? SeqId;
    public long? PrevSeqId;
    public int BidStart;
    public int BidCount;
    public int AskStart;
    public int AskCount;
}
