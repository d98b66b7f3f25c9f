using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Performance;

/// <summary>
/// Sharing a source's tuned floor in the memory coordinator. The finding is written after the source took it, with
/// <see cref="PerformanceOptions.FindingTtl"/>, so one about a source nobody tunes any more ages out; a floor back at
/// the settings' minimum removes it, since the source's own default needs no remembering. The memory is advice: a
/// write that fails is logged and the sweep goes on, the source keeps the floor it was given either way.
/// </summary>
internal sealed partial class PerformanceGrain
{
    private async Task ShareAsync(TgeSourceStatus after, string reason, CancellationToken cancellationToken)
    {
        if (after.Settings is not { } settings)
        {
            return;
        }

        var memory = GrainFactory.GetGrain<IMemoryGrain>(SourceFindings.Namespace);
        try
        {
            if (after.TunedMinInterval is { } floor)
            {
                var finding = new SourceFinding(floor, reason, time.GetUtcNow(), settings.Url);
                await memory.SetAsync(after.SourceId, SourceFindings.Write(finding), options.Value.FindingTtl, null, SourceFindings.Writer, cancellationToken);
            }
            else
            {
                await memory.RemoveAsync(after.SourceId, null, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException or CoordinationArgumentException)
        {
            PerformanceLog.ShareFailed(logger, exception, SourceFindings.Namespace, after.SourceId);
        }
    }
}
