namespace TgeSwarm.Runtime;

/// <summary>Options of a grain timer.</summary>
/// <param name="DueTime">Time until the first tick; <see cref="Timeout.InfiniteTimeSpan"/> means never.</param>
/// <param name="Period">Time between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> means once.</param>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>
    /// Whether ticks may interleave with other turns of the activation. Defaults to false: a tick waits for the
    /// activation to be free, like a request does.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity that keeps the activation from idle collection. Defaults to false.</summary>
    public bool KeepAlive { get; init; }
}
