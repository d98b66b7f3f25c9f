namespace TgeSwarm.Grains.Market.Validation;

/// <summary>How a trade's log price move scored against its instrument's recent moves (all zero during warm-up).</summary>
internal readonly record struct AnomalyScore(double Z, double Move, double Median, double Scale);
