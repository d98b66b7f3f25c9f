namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// Waiting, bounded, for a condition nobody signals (a count reaching zero, a view changing), on the injected
/// clock so tests with a fake clock control it.
/// </summary>
internal static class Polling
{
    /// <summary>
    /// Checks <paramref name="done"/> every <paramref name="interval"/> until it holds (true), <paramref name="limit"/>
    /// has passed or <paramref name="cancellationToken"/> fires (false).
    /// </summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan limit, TimeSpan interval, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetTimestamp() + (long)(limit.TotalSeconds * timeProvider.TimestampFrequency);
        while (!done())
        {
            if (cancellationToken.IsCancellationRequested || timeProvider.GetTimestamp() >= deadline)
            {
                return false;
            }

            await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return true;
    }
}
