using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>
/// Taking back, on activation, the floor the performance grain shared (<see cref="SourceFindings"/>). It runs on
/// its own interleaving one-shot timer, so the first poll never waits for the memory coordinator, and the read is
/// bounded by <see cref="SourcePollingOptions.FindingReadTimeout"/>: a memory grain that is slow, failing or gone
/// costs a warning and leaves the settings' minimum in force, which the performance grain relearns from failures.
/// </summary>
internal sealed partial class SourceGrain
{
    private IGrainTimer? _recall;

    private void ScheduleRecall() =>
        _recall ??= RegisterGrainTimer(
            static (grain, cancellationToken) => grain.RecallAsync(cancellationToken),
            this,
            new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });

    private async Task RecallAsync(CancellationToken cancellationToken)
    {
        if (_interval is not { } interval || state.State.Settings is not { } settings)
        {
            return;
        }

        MemoryEntry? entry;
        try
        {
            entry = await GrainFactory.GetGrain<IMemoryGrain>(SourceFindings.Namespace)
                .GetAsync(SourceId, cancellationToken)
                .WaitAsync(options.Value.FindingReadTimeout, time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException or CoordinationArgumentException)
        {
            SourceLog.RecallFailed(logger, exception, SourceId, SourceFindings.Namespace);
            return;
        }

        // Applied only to the loop it was read for, and only if nobody tuned it meanwhile: new settings replace the
        // interval (a finding about the old ones is stale) and the performance grain's own tuning is newer.
        if (entry is null
            || SourceFindings.Read(entry.Value) is not { } finding
            || finding.Url != settings.Url
            || !ReferenceEquals(interval, _interval)
            || interval.Floor != settings.MinInterval)
        {
            return;
        }

        var floor = interval.Tune(finding.Floor);
        SourceLog.Recalled(logger, SourceId, floor, finding.TunedAt, finding.Reason);
    }
}
