namespace TgeSwarm.Grains.Market.Pipeline;

/// <summary>
/// What the batches of one stage turn add up to: the oldest receive time (the latency's start), the frames behind
/// them and the events they carry. A stage merges a turn's batches, so it passes these on once.
/// </summary>
internal struct BatchTotals
{
    public BatchTotals()
    {
    }

    public long ReceivedAt { get; private set; } = long.MaxValue;

    public int Frames { get; private set; }

    public long Events { get; private set; }

    public void Add(MarketBatch batch)
    {
        ReceivedAt = Math.Min(ReceivedAt, batch.ReceivedAt);
        Frames += batch.Frames;
        Events += batch.Count;
    }
}
