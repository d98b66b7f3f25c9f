namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// What the validation grain learned about one instrument's price moves, shared in memory namespace
/// <see cref="AnomalyFindings.Namespace"/> under <c>venue:instrument</c>: the <see cref="Median"/> and
/// <see cref="Scale"/> of the log moves the robust z-score uses, the <see cref="Moves"/> they were taken over, the
/// <see cref="Threshold"/> (z cut) in force and when it was learned. A later activation scores against the median and
/// scale only (with its own threshold); the rest says how much to trust them.
/// </summary>
internal sealed record AnomalyFinding(double Median, double Scale, int Moves, double Threshold, DateTimeOffset LearnedAt);
