namespace TgeSwarm.Feeds.Venues.Okx;

/// <summary>The scalar fields of one OKX book message; the 2022 recording predates seqId, and checksums are 0 from 2026-06-23.</summary>
internal struct OkxBookMessage
{
    public long Timestamp;
    public int? Checksum;
    public long? SeqId;
    public long? PrevSeqId;
}
