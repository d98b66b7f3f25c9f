using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>
/// Scores a classifier against labelled items. Precision and recall are over the TGE verdict; kind and symbol
/// accuracy are over the true positives whose label gives a kind (a symbol), so a missed item is not counted
/// twice. A ratio with an empty denominator is null (reported "n/a"), never 1.
/// </summary>
internal static class TgeEvaluation
{
    public static TgeEvaluationResult Run(TgeClassifier classifier, IReadOnlyList<TgeLabel> labels, TgeSplit split)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(labels);
        int items = 0, positives = 0, truePositives = 0, falsePositives = 0, falseNegatives = 0;
        int kindTotal = 0, kindRight = 0, symbolTotal = 0, symbolRight = 0;
        var misses = new List<TgeMiss>();
        foreach (var label in labels)
        {
            if (!TgeLabelSplit.Includes(split, label.Title))
            {
                continue;
            }

            items++;
            positives += label.IsTge ? 1 : 0;
            var verdict = classifier.Classify(label.Title, label.Summary);
            if (label.IsTge != verdict.IsTge)
            {
                falsePositives += verdict.IsTge ? 1 : 0;
                falseNegatives += label.IsTge ? 1 : 0;
                misses.Add(new TgeMiss(label, verdict, verdict.IsTge ? "false positive" : "false negative"));
                continue;
            }

            if (!label.IsTge)
            {
                continue;
            }

            truePositives++;
            var wrong = new List<string>(2);
            if (label.Kind is { } kind)
            {
                kindTotal++;
                if (verdict.Kind == kind)
                {
                    kindRight++;
                }
                else
                {
                    wrong.Add("wrong kind");
                }
            }

            if (label.Symbol is { } symbol)
            {
                symbolTotal++;
                if (string.Equals(symbol.Normalize(), verdict.Symbol, StringComparison.OrdinalIgnoreCase))
                {
                    symbolRight++;
                }
                else
                {
                    wrong.Add("wrong symbol");
                }
            }

            if (wrong.Count > 0)
            {
                misses.Add(new TgeMiss(label, verdict, string.Join(", ", wrong)));
            }
        }

        return new TgeEvaluationResult(
            split,
            items,
            positives,
            new TgeRatio(truePositives, truePositives + falsePositives),
            new TgeRatio(truePositives, truePositives + falseNegatives),
            new TgeRatio(kindRight, kindTotal),
            new TgeRatio(symbolRight, symbolTotal),
            misses);
    }
}
