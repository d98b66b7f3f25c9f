using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.SystemTargets;

/// <summary>
/// Probes a silo by calling its <see cref="ISiloControl.Ping"/> over the ordinary silo-to-silo path, and indirectly
/// through another silo's <see cref="ISiloControl.ProbeIndirectly"/>.
/// </summary>
internal sealed class SiloProber(IServiceProvider services) : ISiloProber
{
    private IGrainFactory GrainFactory => field ??= services.GetRequiredService<IGrainFactory>();

    public async Task<bool> ProbeAsync(SiloAddress silo, int probeNumber, CancellationToken cancellationToken)
    {
        try
        {
            var status = await GrainFactory.GetGrain<ISiloControl>(silo.ToString()).Ping(probeNumber, cancellationToken);
            return status != SiloStatus.Dead;
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<IndirectProbeResult?> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, int probeNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await GrainFactory.GetGrain<ISiloControl>(intermediary.ToString()).ProbeIndirectly(target, probeNumber, cancellationToken);
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }
}
