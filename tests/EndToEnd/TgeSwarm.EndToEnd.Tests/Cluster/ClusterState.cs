using System.Globalization;

namespace TgeSwarm.EndToEnd.Tests.Cluster;

/// <summary>deploy/local-cluster.sh's state file: KEY=VALUE lines, split at the first '='.</summary>
internal sealed class ClusterState
{
    private readonly Dictionary<string, string> _values;

    private ClusterState(Dictionary<string, string> values) => _values = values;

    public Uri Url => new(this["URL"]);

    public Uri StatsUrl => new(this["STATS_URL"]);

    /// <summary>The admin API key every silo of the cluster accepts (<c>Api:AdminKey</c>).</summary>
    public string ApiKey => this["API_KEY"];

    public int SiloCount => Number("SILO_COUNT");

    public IReadOnlyList<SiloProcess> Silos =>
        [.. Enumerable.Range(1, SiloCount).Select(i => new SiloProcess(
            i,
            this[$"SILO_{i}_NAME"],
            Number($"SILO_{i}_PID"),
            Number($"SILO_{i}_SILO_PORT"),
            new Uri(this[$"SILO_{i}_URL"]),
            this[$"SILO_{i}_LOG"]))];

    public string HaproxyLog => this["HAPROXY_LOG"];

    private string this[string key] =>
        _values.TryGetValue(key, out var value)
            ? value
            : throw new InvalidOperationException($"The cluster state file has no {key}.");

    public static ClusterState Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                values[line[..separator]] = line[(separator + 1)..];
            }
        }

        return new ClusterState(values);
    }

    private int Number(string key) => int.Parse(this[key], NumberStyles.None, CultureInfo.InvariantCulture);
}
