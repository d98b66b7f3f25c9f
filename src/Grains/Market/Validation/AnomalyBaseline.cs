namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// What an instrument's trades are scored against: the median log move and the scale the robust z-score divides by.
/// <see cref="Moves"/> is the detector's own window count; <see cref="Recalled"/> says the median and scale are a seed
/// remembered from an earlier activation (see <see cref="PriceAnomalyDetector.Seed"/>), not learned from that window.
/// </summary>
internal readonly record struct AnomalyBaseline(double Median, double Scale, int Moves, bool Recalled);
