using System.Globalization;
using System.Text;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>
/// Writes aggregates in the Prometheus text exposition format 0.0.4: one <c># HELP</c> and <c># TYPE</c> per metric
/// family, then its samples; instruments that map to the same name (the same instrument from two meters) are
/// merged into one family. Histogram buckets are cumulative and end with <c>le="+Inf"</c>.
/// </summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<InstrumentAggregate> aggregates, long seriesOverflow)
    {
        var text = new StringBuilder(4096);
        foreach (var family in aggregates.GroupBy(static a => PrometheusNames.Metric(a.Instrument.Name, a.Instrument.Unit, a.Kind), StringComparer.Ordinal))
        {
            var first = family.First();
            var series = family.SelectMany(static a => a.Series).ToList();
            if (series.Count == 0)
            {
                continue;
            }

            text.Append("# HELP ").Append(family.Key).Append(' ').Append(EscapeHelp(first.Instrument.Description ?? first.Instrument.Name)).Append('\n');
            text.Append("# TYPE ").Append(family.Key).Append(' ').Append(TypeOf(first.Kind)).Append('\n');
            foreach (var one in series)
            {
                if (first.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(text, family.Key, one, first.Bounds);
                }
                else
                {
                    WriteSample(text, family.Key, one.Tags, null, one.Value);
                }
            }
        }

        text.Append("# HELP tgeswarm_metrics_series_overflow_total Measurements not kept because their instrument already had the maximum number of tag sets.\n");
        text.Append("# TYPE tgeswarm_metrics_series_overflow_total counter\n");
        text.Append("tgeswarm_metrics_series_overflow_total ").Append(seriesOverflow.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    private static void WriteHistogram(StringBuilder text, string name, MetricSeries series, double[] bounds)
    {
        var state = series.ReadHistogram();
        var cumulative = 0L;
        for (var i = 0; i < state.BucketCounts.Length; i++)
        {
            cumulative += state.BucketCounts[i];
            var le = i < bounds.Length ? FormatValue(bounds[i]) : "+Inf";
            WriteSample(text, name + "_bucket", series.Tags, le, cumulative);
        }

        WriteSample(text, name + "_sum", series.Tags, null, state.Sum);
        WriteSample(text, name + "_count", series.Tags, null, state.Count);
    }

    private static void WriteSample(StringBuilder text, string name, KeyValuePair<string, string>[] tags, string? le, double value)
    {
        text.Append(name);
        if (tags.Length > 0 || le is not null)
        {
            text.Append('{');
            var separator = false;
            foreach (var (key, tagValue) in tags)
            {
                if (separator)
                {
                    text.Append(',');
                }

                text.Append(PrometheusNames.Label(key)).Append("=\"").Append(EscapeLabelValue(tagValue)).Append('"');
                separator = true;
            }

            if (le is not null)
            {
                text.Append(separator ? "," : string.Empty).Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static string TypeOf(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Histogram => "histogram",
        _ => "gauge",
    };

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
