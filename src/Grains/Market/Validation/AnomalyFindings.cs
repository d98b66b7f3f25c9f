using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TgeSwarm.Grains.Market.Validation;

/// <summary>Where instruments' anomaly baselines live in the memory coordinator and how their keys and values read (COORDINATION.md, "What the agents share").</summary>
internal static class AnomalyFindings
{
    /// <summary>The memory namespace: the pipeline's prefix, then what the entries are about, like the streams' <c>market.raw</c>.</summary>
    public const string Namespace = "market.anomalies";

    /// <summary>The change of a baseline below which it is not written again (see <see cref="Moved"/>).</summary>
    public const double RelativeChange = 0.01;

    /// <summary>Who the validation grain says wrote an entry.</summary>
    public const string Writer = "market.validation";

    /// <summary>The prefix of one venue's keys (<c>binance:</c>), for listing them.</summary>
    public static string Prefix(string venue) => venue + ":";

    /// <summary>The key of one instrument of one venue: <c>binance:BTC-USDT</c>.</summary>
    public static string Key(string venue, string instrument) => venue + ":" + instrument;

    /// <summary>
    /// Whether <paramref name="now"/> moved enough from the <paramref name="last"/> one written to be worth a write:
    /// the scale by more than 1 % of itself, or the median by more than 1 % of the scale. The median is measured against
    /// the scale because it is usually 0 on tick data (relative to itself it would be undefined) and because a shift of
    /// 1 % of the scale moves every z-score by 0.01, which is what matters to the check.
    /// </summary>
    public static bool Moved(AnomalyFinding last, AnomalyBaseline now)
    {
        ArgumentNullException.ThrowIfNull(last);
        var tolerance = RelativeChange * last.Scale;
        return Math.Abs(now.Scale - last.Scale) > tolerance || Math.Abs(now.Median - last.Median) > tolerance;
    }

    public static string Write(AnomalyFinding finding) => JsonSerializer.Serialize(finding, AnomalyFindingJsonContext.Default.AnomalyFinding);

    /// <summary>
    /// The finding, or false with why not when the value cannot seed a detector: not JSON of this shape (anyone with the
    /// operator role may write the namespace), a median that is not finite, a scale that is not positive and finite.
    /// Never throws for a bad value.
    /// </summary>
    public static bool TryRead(string value, [NotNullWhen(true)] out AnomalyFinding? finding, [NotNullWhen(false)] out string? why)
    {
        try
        {
            finding = JsonSerializer.Deserialize(value, AnomalyFindingJsonContext.Default.AnomalyFinding);
        }
        catch (JsonException exception)
        {
            finding = null;
            why = exception.Message;
            return false;
        }

        if (finding is null)
        {
            why = "the value is null";
            return false;
        }

        why = !double.IsFinite(finding.Median) ? "the median is not finite"
            : !(finding.Scale > 0 && double.IsFinite(finding.Scale)) ? "the scale is not positive and finite"
            : null;
        return why is null;
    }
}
