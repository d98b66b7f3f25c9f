namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>The wait before a webhook's next try, shared by the in-memory lanes and the PostgreSQL outbox.</summary>
internal static class TgeWebhookBackoff
{
    // Exponential with "equal jitter": half the step is fixed, half random, so retries of many notices spread out
    // but never come sooner than half the step. A receiver's Retry-After is honoured up to MaxBackoff.
    public static TimeSpan After(TgeAlertOptions options, int attempt, TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var step = Math.Min(options.InitialBackoff.Ticks * Math.Pow(2, attempt - 1), options.MaxBackoff.Ticks);
        var delay = TimeSpan.FromTicks((long)((step / 2) + (Random.Shared.NextDouble() * step / 2)));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < options.MaxBackoff ? asked : options.MaxBackoff;
        }

        return delay;
    }
}
