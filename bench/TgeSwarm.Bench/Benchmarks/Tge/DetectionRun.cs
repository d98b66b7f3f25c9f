namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>What one phase measured, with the poll counts that tell whether its sources kept to their interval.</summary>
/// <param name="Summary">Counts and latencies of the planned items.</param>
/// <param name="Polls">Polls made by all sources over the phase (warm-up included).</param>
/// <param name="FailedPolls">Polls that failed, by reason.</param>
internal sealed record DetectionRun(DetectionSummary Summary, long Polls, IReadOnlyDictionary<string, long> FailedPolls);
