namespace TgeSwarm.Silo.Hosting;

/// <summary>
/// How the embedded default's hosts take their agents down before stopping the server under them: all at once and for
/// a bounded time, so one agent still busy (a loaded machine, a turn in flight) is left to deactivation instead of
/// holding the silo's stop.
/// </summary>
internal static class BoundedStop
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="stop"/> for every key at once; false when not all finished within <see cref="Grace"/>.</summary>
    public static async Task<bool> AllAsync(IEnumerable<string> keys, Func<string, Task> stop, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(keys.Select(stop)).WaitAsync(Grace, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
