namespace TgeSwarm.Feeds.Sources;

/// <summary>
/// A fault injected into one source's answers: the next <see cref="Times"/> requests to the source's path get it
/// (null: every request until <see cref="LocalSourceServer.ClearFaults"/>). Several faults on one source apply in
/// the order they were added, each until used up.
/// </summary>
public sealed record LocalSourceFault(string SourceId, LocalSourceFaultKind Kind, int? Times = null)
{
    /// <summary>For <see cref="LocalSourceFaultKind.Slow"/>: how long the answer waits. Default 5 s.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>For <see cref="LocalSourceFaultKind.RateLimited"/>: the Retry-After sent. Default 30 s.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}
