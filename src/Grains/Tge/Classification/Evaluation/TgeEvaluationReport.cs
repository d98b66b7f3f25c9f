using System.Globalization;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>Writes an evaluation as plain text: the four figures with their counts, then every misclassified item.</summary>
internal static class TgeEvaluationReport
{
    public static void Write(TextWriter output, TgeEvaluationResult result, string rulesSource)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var split = result.Split switch
        {
            TgeSplit.Tune => "tune",
            TgeSplit.HeldOut => "heldout",
            _ => "all",
        };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split {split}: {result.Items} items, {result.Positives} TGE, rules {rulesSource}"));
        Figure(output, "precision", result.Precision);
        Figure(output, "recall", result.Recall);
        Figure(output, "kind accuracy", result.KindAccuracy);
        Figure(output, "symbol accuracy", result.SymbolAccuracy);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"misclassified: {result.Misses.Count}"));
        foreach (var miss in result.Misses)
        {
            var label = miss.Label;
            var verdict = miss.Verdict;
            var expected = label.IsTge ? $"TGE {Lower(label.Kind)} {label.Symbol ?? "-"}" : "not TGE";
            var got = verdict.IsTge ? $"TGE {Lower(verdict.Kind)} {verdict.Symbol ?? "-"}" : "not TGE";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  line {label.Line} [{miss.What}] expected {expected}, got {got} ({verdict.Confidence:0.00}; {string.Join(' ', verdict.Reasons)}): {label.Title}"));
        }
    }

    private static void Figure(TextWriter output, string name, TgeRatio ratio)
    {
        var value = ratio.Value is { } fraction ? fraction.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-16} {value} ({ratio.Hits}/{ratio.Total})"));
    }

    private static string Lower(TgeKind? kind) => kind?.ToString().ToLowerInvariant() ?? "-";
}
