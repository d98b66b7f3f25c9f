using System.Text;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>
/// Turns OpenTelemetry-style instrument names and units into Prometheus metric and label names:
/// <c>swarm.market.latency</c> in <c>ms</c> → <c>swarm_market_latency_milliseconds</c>; a counter gets <c>_total</c>.
/// </summary>
internal static class PrometheusNames
{
    public static string Metric(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }

        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    public static string Label(string tagName) => Sanitize(tagName, allowColon: false);

    /// <summary>
    /// Units in braces (<c>{event}</c>) are annotations, not units, and add nothing; the common UCUM units get
    /// Prometheus' base-unit words; anything else is appended sanitised.
    /// </summary>
    private static string UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => string.Empty,
        _ when unit.StartsWith('{') => string.Empty,
        "s" => "_seconds",
        "ms" => "_milliseconds",
        "us" => "_microseconds",
        "By" => "_bytes",
        "%" => "_percent",
        _ => "_" + Sanitize(unit, allowColon: false),
    };

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (allowColon && c == ':');
            builder.Append(valid ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
