using System.Diagnostics;

namespace TgeSwarm.Bench.Harness;

/// <summary>Per-operation latencies in <see cref="Stopwatch"/> ticks, summarised as percentiles in microseconds.</summary>
internal sealed class Latency(int capacity)
{
    private readonly long[] _samples = new long[capacity];
    private int _count;

    public int Count => _count;

    public void Add(long ticks)
    {
        if (_count < _samples.Length)
        {
            _samples[_count++] = ticks;
        }
    }

    public double PercentileMicros(double percentile)
    {
        if (_count == 0)
        {
            return 0;
        }

        var sorted = _samples.AsSpan(0, _count).ToArray();
        Array.Sort(sorted);
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
