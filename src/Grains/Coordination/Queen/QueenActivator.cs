using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// Wakes the queen when a silo becomes active: her reconciliation timer runs only while she is active, and after a
/// whole-cluster restart nothing else would call her until an operator does. Every silo asks; all but the first find
/// her awake. A failure does not stop the silo (her reminder wakes her later) but is logged.
/// </summary>
internal sealed partial class QueenActivator(IGrainFactory grains, ILogger<QueenActivator> logger) : ISiloLifecycleParticipant
{
    // After the market bootstrap (Active + 100), which spawns its shards through her.
    public int Stage => SiloLifecycleStage.Active + 110;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var health = await grains.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey).GetHealthAsync(cancellationToken);
            Log.Awake(logger, health.Agents, health.Status);
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException)
        {
            Log.NotAwake(logger, exception);
        }
    }

    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = CoordinationEventIds.QueenAwake, Level = LogLevel.Debug, Message = "Queen awake: {Agents} agents, {Status}")]
        public static partial void Awake(ILogger logger, int agents, SwarmStatus status);

        [LoggerMessage(EventId = CoordinationEventIds.QueenNotAwake, Level = LogLevel.Warning, Message = "The queen could not be woken at silo start; her reminder will")]
        public static partial void NotAwake(ILogger logger, Exception exception);
    }
}
