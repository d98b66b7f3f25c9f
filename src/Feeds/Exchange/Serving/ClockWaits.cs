namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>Waits for an absolute point on a <see cref="TimeProvider"/>'s timestamp clock.</summary>
internal static class ClockWaits
{
    /// <summary>
    /// Completes once the clock reads <paramref name="due"/> or later. A relative timer alone would lose time when
    /// the clock moves between reading it and arming the timer (a test clock advanced from another thread does):
    /// the clock is read again once the timer is armed, so a move is either seen then or fires the timer.
    /// </summary>
    public static async Task DelayUntilAsync(this TimeProvider time, long due, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = due - time.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            using var armed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(TimeSpan.FromSeconds(remaining / (double)time.TimestampFrequency), time, armed.Token);
            if (time.GetTimestamp() >= due)
            {
                await armed.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
                return;
            }

            await timer;
        }
    }

    /// <summary>The timestamp <paramref name="span"/> after <paramref name="start"/>.</summary>
    public static long After(this TimeProvider time, long start, TimeSpan span) =>
        start + (long)((decimal)span.Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
