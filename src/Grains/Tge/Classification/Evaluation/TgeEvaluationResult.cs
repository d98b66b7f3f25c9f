namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>The figures of one evaluation run and the items behind its errors.</summary>
internal sealed record TgeEvaluationResult(
    TgeSplit Split,
    int Items,
    int Positives,
    TgeRatio Precision,
    TgeRatio Recall,
    TgeRatio KindAccuracy,
    TgeRatio SymbolAccuracy,
    IReadOnlyList<TgeMiss> Misses);
