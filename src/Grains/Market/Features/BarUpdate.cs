namespace TgeSwarm.Grains.Market.Features;

/// <summary>What a trade did to a <see cref="BarBuilder"/>.</summary>
internal enum BarUpdate
{
    /// <summary>It fell in the open bar's bucket.</summary>
    Extended,

    /// <summary>It opened a later bucket (closing the open bar, if there was one).</summary>
    Opened,

    /// <summary>It belongs to an earlier bucket than the open bar and was folded into the open bar.</summary>
    Late,
}
