namespace TgeSwarm.Feeds.Sources;

/// <summary>
/// What one parse produced: the items in document order and every problem met, counted. A body that could not be
/// read at all has a <see cref="Failure"/> and no items; a body read in part (XML broken after some items) has items,
/// no failure and the problem counted.
/// </summary>
public sealed record SourceParseResult(IReadOnlyList<SourceItem> Items, IReadOnlyDictionary<SourceProblem, int> Problems, SourceProblem? Failure)
{
    /// <summary>True when the body was read (possibly with item-level problems).</summary>
    public bool Succeeded => Failure is null;

    /// <summary>How often <paramref name="problem"/> occurred (0 when never).</summary>
    public int Count(SourceProblem problem) => Problems.TryGetValue(problem, out var count) ? count : 0;
}
