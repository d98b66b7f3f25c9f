using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// Every collection quantum, deactivates activations idle past their collection age, and activations whose
/// running request has exceeded <c>MaxRequestProcessingTime</c> (stuck: a method that never completes would
/// otherwise hold its grain forever; after this, the next call gets a fresh activation). Runs on the injected
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
internal sealed partial class ActivationCollector(Catalog catalog, ActivationServices shared, ILogger<ActivationCollector> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start() => _loop = RunAsync(_stop.Token);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(shared.Collection.CollectionQuantum, shared.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                CollectOnce();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogStopped(logger);
        }
    }

    /// <summary>One scan; returns how many activations it asked to deactivate.</summary>
    internal int CollectOnce()
    {
        var now = shared.Clock.Now();
        var limit = shared.Messaging.MaxRequestProcessingTime;
        var count = 0;
        foreach (var activation in catalog.Activations)
        {
            if (activation.FindStuckRequest(now, limit) is { } stuck)
            {
                LogStuck(logger, activation.GrainId, stuck.ToString(), limit);
                activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.ActivationUnresponsive, $"{stuck} ran longer than {limit}."));
                count++;
            }
            else if (activation.IsCollectable(now))
            {
                LogCollected(logger, activation.GrainId);
                activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "Idle longer than its collection age."));
                count++;
            }
        }

        return count;
    }

    /// <summary>Stops the loop and waits for it; safe to call more than once (the lifecycle stops it, the container disposes it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _loop, null) is { } loop)
        {
            await _stop.CancelAsync();
            await loop;
        }
    }

    [LoggerMessage(SiloEventIds.ActivationCollected, LogLevel.Debug, "Collecting idle activation of grain {GrainId}")]
    private static partial void LogCollected(ILogger logger, GrainId grainId);

    [LoggerMessage(SiloEventIds.ActivationStuck, LogLevel.Warning, "Grain {GrainId} is stuck: {Request} ran longer than {Limit}; deactivating it")]
    private static partial void LogStuck(ILogger logger, GrainId grainId, string request, TimeSpan limit);

    [LoggerMessage(SiloEventIds.CollectorStopped, LogLevel.Debug, "Activation collector stopped")]
    private static partial void LogStopped(ILogger logger);
}
