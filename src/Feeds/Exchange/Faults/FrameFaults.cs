namespace TgeSwarm.Feeds.Exchange.Faults;

/// <summary>What the faults decided for one frame before it is sent.</summary>
internal readonly record struct FrameFaults(bool Drop, QuantityCorruption? Corruption, bool Duplicate)
{
    public static FrameFaults None => default;
}
