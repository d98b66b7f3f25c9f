namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>One item's detection: where it was read, when that poll parsed it, and when its event arrived.</summary>
/// <param name="SourceId">The source that read the item.</param>
/// <param name="ItemId">The item's id within that source (the join key to its poll's start).</param>
/// <param name="SeenAt">When the poll's body was parsed and the item found new (wall clock).</param>
/// <param name="ArrivedAt">When the event notice (baseline: the classification) arrived (wall clock).</param>
/// <param name="ArrivedTimestamp">The same moment on <see cref="System.Diagnostics.Stopwatch"/>, against the publish timestamp.</param>
internal sealed record Detection(string SourceId, string ItemId, DateTimeOffset SeenAt, DateTimeOffset ArrivedAt, long ArrivedTimestamp);
