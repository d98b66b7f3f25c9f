using System.Globalization;
using System.Text.RegularExpressions;

namespace TgeSwarm.Runtime.Dashboard.Tests.Metrics;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, enough to check what <c>/metrics</c> writes: every line is a
/// HELP, a TYPE or a sample; a sample belongs to the family declared before it; label values are unescaped.
/// </summary>
internal sealed partial class PrometheusText
{
    private PrometheusText(Dictionary<string, string> types, Dictionary<string, string> help, List<Sample> samples)
    {
        Types = types;
        Help = help;
        Samples = samples;
    }

    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyDictionary<string, string> Help { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        string? family = null;
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line["# HELP ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                help.Add(rest[..space], rest[(space + 1)..]);
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                types.Add(parts[2], parts[3]);
                family = parts[2];
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: '{line}'");
            var name = match.Groups["name"].Value;
            Assert.NotNull(family);
            Assert.True(name == family || name == family + "_bucket" || name == family + "_sum" || name == family + "_count", $"sample {name} outside its family {family}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in Label().Matches(match.Groups["labels"].Value))
            {
                labels.Add(label.Groups["key"].Value, Unescape(label.Groups["value"].Value));
            }

            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(name, labels, value));
        }

        return new PrometheusText(types, help, samples);
    }

    public Sample Single(string name, params (string Key, string Value)[] labels) =>
        Assert.Single(Samples, s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value) && s.Labels.Count == labels.Length);

    private static string Unescape(string value) =>
        Regex.Replace(value, @"\\(.)", static m => m.Groups[1].Value == "n" ? "\n" : m.Groups[1].Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)"",?")]
    private static partial Regex Label();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
