namespace TgeSwarm.Silo.Dashboard;

/// <summary>The last few values of named series, for the dashboard's small charts; only the sampling loop touches it.</summary>
internal sealed class SeriesHistory(int capacity)
{
    private readonly Dictionary<string, Queue<double>> _series = new(StringComparer.Ordinal);

    public IReadOnlyList<double> Add(string name, double value)
    {
        if (!_series.TryGetValue(name, out var points))
        {
            points = new Queue<double>(capacity);
            _series[name] = points;
        }

        if (points.Count == capacity)
        {
            points.Dequeue();
        }

        points.Enqueue(value);
        return [.. points];
    }

    /// <summary>Forgets series not in <paramref name="names"/> (an instrument that left the busiest list).</summary>
    public void KeepOnly(IReadOnlySet<string> names)
    {
        foreach (var name in _series.Keys.Where(n => !names.Contains(n)).ToList())
        {
            _series.Remove(name);
        }
    }
}
