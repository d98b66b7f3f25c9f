namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>One endpoint's load: successful requests per second inside the measured window, their latency percentiles, failures.</summary>
internal sealed record HttpLoadResult(
    double RequestsPerSecond, double P50Milliseconds, double P95Milliseconds, double P99Milliseconds, long Failures, string? FirstFailure, long AverageBodyBytes);
