using TgeSwarm.Grains.Tge.Classification;
using TgeSwarm.Grains.Tge.Classification.Evaluation;

namespace TgeSwarm.Grains.Tests.Tge;

/// <summary>
/// The labelled set in Data/tge/labels.jsonl (a copy of data/tge/labels.jsonl) is fixed, so the aim of the issue,
/// precision and recall of at least 0.95 on the held-out half, is asserted like any other behaviour.
/// </summary>
public sealed class TgeLabelledSetTests
{
    private const double Aim = 0.95;

    private static readonly string LabelsPath = Path.Combine(AppContext.BaseDirectory, "Data", "tge", "labels.jsonl");

    [Fact]
    public void The_held_out_half_meets_the_aim()
    {
        var result = Evaluate(TgeSplit.HeldOut);

        Assert.True(result.Precision.Value >= Aim, $"precision {result.Precision}");
        Assert.True(result.Recall.Value >= Aim, $"recall {result.Recall}");
        Assert.True(result.KindAccuracy.Value >= Aim, $"kind accuracy {result.KindAccuracy}");
        Assert.True(result.SymbolAccuracy.Value >= Aim, $"symbol accuracy {result.SymbolAccuracy}");
    }

    [Fact]
    public void The_tune_half_meets_the_aim()
    {
        var result = Evaluate(TgeSplit.Tune);

        Assert.True(result.Precision.Value >= Aim, $"precision {result.Precision}");
        Assert.True(result.Recall.Value >= Aim, $"recall {result.Recall}");
    }

    [Fact]
    public void The_set_holds_the_122_binance_titles_and_at_least_60_hard_cases_with_a_reason_each()
    {
        var labels = Read();

        Assert.Equal(122, labels.Count(label => label.Reason?.Contains("Binance catalogue 48, 2026", StringComparison.Ordinal) == true));
        Assert.True(labels.Count(label => label.Reason?.StartsWith("hand-made:", StringComparison.Ordinal) == true) >= 60);
        Assert.All(labels, label => Assert.False(string.IsNullOrWhiteSpace(label.Reason)));
        Assert.All(labels.Where(label => label.IsTge), label => Assert.NotNull(label.Kind));
    }

    [Fact]
    public void Both_halves_hold_positives_and_negatives()
    {
        foreach (var split in new[] { TgeSplit.Tune, TgeSplit.HeldOut })
        {
            var half = Read().Where(label => TgeLabelSplit.Of(label.Title) == split).ToList();
            Assert.True(half.Count(label => label.IsTge) >= 20, $"{split}: {half.Count(label => label.IsTge)} positives");
            Assert.True(half.Count(label => !label.IsTge) >= 20, $"{split}: {half.Count(label => !label.IsTge)} negatives");
        }
    }

    private static IReadOnlyList<TgeLabel> Read()
    {
        using var reader = File.OpenText(LabelsPath);
        return TgeLabelReader.Read(reader, LabelsPath);
    }

    private static TgeEvaluationResult Evaluate(TgeSplit split) => TgeEvaluation.Run(TgeClassifier.CreateDefault(), Read(), split);
}
