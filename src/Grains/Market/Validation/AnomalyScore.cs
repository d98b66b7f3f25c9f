namespace TgeSwarm.Grains.Market.Validation;

/// <summary>How a trade's log price move scored against its instrument's recent moves (all zero during warm-up and for a move within the minimum, where no score is computed).</summary>
internal readonly record struct AnomalyScore(double Z, double Move, double Median, double Scale);
