using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Lifecycle;

/// <summary>
/// On stop, before anything it depends on stops: deactivates every activation (running <c>OnDeactivateAsync</c>;
/// queued calls are handed to the silos that now own those grains), then waits, bounded, until the handed-over
/// calls are answered, so a graceful stop loses no queued call. Bounded by the host's shutdown timeout.
/// </summary>
internal sealed partial class ActivationsLifecycle(
    Catalog.Catalog catalog,
    OutstandingCalls outstanding,
    TimeProvider timeProvider,
    ILogger<ActivationsLifecycle> logger) : ISiloLifecycleParticipant
{
    private static readonly TimeSpan HandOverLimit = TimeSpan.FromSeconds(30);

    public int Stage => SiloLifecycleStage.Active;

    public Task OnStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await catalog.DeactivateAllAsync(cancellationToken);
        if (!await Polling.WaitUntilAsync(() => outstanding.Count == 0, HandOverLimit, TimeSpan.FromMilliseconds(20), timeProvider, cancellationToken)
            && !cancellationToken.IsCancellationRequested)
        {
            LogDrainTimedOut(logger, outstanding.Count, HandOverLimit);
        }
    }

    [LoggerMessage(SiloEventIds.HandOverWaitTimedOut, LogLevel.Warning, "{Count} handed-over calls were still unanswered after {Limit}; stopping anyway")]
    private static partial void LogDrainTimedOut(ILogger logger, int count, TimeSpan limit);
}
