using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Performance;

/// <summary>
/// What the performance grain decides from what it read, apart from applying it, so each rule is a plain test.
///
/// Sources: a source failing <see cref="PerformanceOptions.FailingPolls"/> polls in a row has its interval floor
/// raised by <see cref="PerformanceOptions.FloorFactor"/> (sparing a host that is down or refusing, beyond the
/// source's own backoff, which resets with every success); a source the grain slowed that polls fine again is
/// brought back down by the same factor, to its minimum. Hosts: a host whose recent error rate reaches
/// <see cref="PerformanceOptions.HostErrorRate"/>, whose circuit is not closed, or that is blocked by a
/// Retry-After gets one slot fewer; a host the grain slowed that is healthy again gets one back. Bounds are the
/// targets' own: a source clamps its floor into its settings, a guard its cap into [1, policy maximum].
/// </summary>
internal static class PerformanceRules
{
    /// <summary>The floor to set (null: back to the settings' minimum), or no change.</summary>
    public static (bool Change, TimeSpan? Floor, string Reason) ForSource(TgeSourceStatus status, PerformanceOptions options)
    {
        if (status.State != TgeSourceRunState.Running || status.Settings is not { } settings)
        {
            return (false, null, "");
        }

        var floor = status.TunedMinInterval ?? settings.MinInterval;
        if (status.ConsecutiveErrors >= options.FailingPolls)
        {
            var raised = floor * options.FloorFactor;
            raised = raised > settings.MaxInterval ? settings.MaxInterval : raised;
            return raised > floor
                ? (true, raised, $"{status.ConsecutiveErrors} failed polls in a row ({status.LastReason})")
                : (false, null, "");
        }

        if (status.ConsecutiveErrors == 0 && status.LastOutcome is not null && status.TunedMinInterval is { } tuned)
        {
            var lowered = tuned / options.FloorFactor;
            return (true, lowered <= settings.MinInterval ? null : lowered, $"polling fine again (last poll {status.LastOutcome})");
        }

        return (false, null, "");
    }

    /// <summary>The cap change to ask for (-1, +1) or 0.</summary>
    public static (int Delta, string Reason) ForHost(TgeHostGuardStatus status, bool loweredBefore, PerformanceOptions options)
    {
        var unwell = status.ErrorRate >= options.HostErrorRate || status.Circuit != TgeCircuitState.Closed || status.BlockedUntil is not null;
        if (unwell)
        {
            return status.ConcurrencyLimit > 1
                ? (-1, $"error rate {Math.Round(status.ErrorRate * 100)}%, circuit {status.Circuit}{(status.BlockedUntil is { } until ? $", rate limited until {until:O}" : "")}")
                : (0, "");
        }

        return loweredBefore && status.ErrorRate == 0 ? (1, "no errors in the sampling window") : (0, "");
    }
}
