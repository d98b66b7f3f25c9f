namespace TgeSwarm.Grains.Market.Validation;

/// <summary>What <see cref="PriceAnomalyDetector.Observe"/> decided about a trade price.</summary>
internal enum AnomalyVerdict
{
    Accepted,

    Rejected,

    /// <summary>Accepted as the confirmation of a new price level after a run of rejected, mutually consistent prices.</summary>
    Reanchored,
}
