using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// Runs the silo's lifecycle inside the generic host: participants start in ascending stage order and stop in
/// descending order. A participant that fails to start stops those already started, and the host fails to start
/// with the participant's exception. Stopping runs once: the generic host may call <see cref="StopAsync"/> from two
/// threads at once (<c>WebApplicationFactory</c> stops the host while the app's own <c>Run</c> stops it on
/// <c>ApplicationStopping</c>), and later callers wait for the stop already under way.
/// </summary>
internal sealed partial class SiloHost(IEnumerable<ISiloLifecycleParticipant> participants, LocalSiloDetails silo, SiloKiller killer, ILogger<SiloHost> logger) : IHostedService
{
    private readonly ISiloLifecycleParticipant[] _ordered = [.. participants.OrderBy(static p => p.Stage)];
    private readonly Stack<ISiloLifecycleParticipant> _started = new();
    private Task? _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarting(logger, silo.Name, silo.SiloAddress);
        silo.Status = SiloStatus.Joining;
        foreach (var participant in _ordered)
        {
            try
            {
                await participant.OnStartAsync(cancellationToken);
                _started.Push(participant);
            }
            catch (Exception exception)
            {
                LogStageFailed(logger, exception, participant.GetType().Name, participant.Stage);
                await StopOnceAsync(StopStartedAsync, CancellationToken.None);
                silo.Status = SiloStatus.Dead;
                throw;
            }
        }

        LogStarted(logger, silo.Name, silo.SiloAddress);
    }

    public Task StopAsync(CancellationToken cancellationToken) => StopOnceAsync(StopSiloAsync, cancellationToken);

    private async Task StopOnceAsync(Func<CancellationToken, Task> stop, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _stopping, mine.Task, null) is { } underWay)
        {
            await underWay;
            return;
        }

        try
        {
            await stop(cancellationToken);
            mine.SetResult();
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
            throw;
        }
    }

    private async Task StopSiloAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger, silo.Name);
        if (killer.IsKilled)
        {
            // A killed silo does nothing on the way out: no hand-over, no membership write, as after a crash.
            _started.Clear();
            return;
        }

        silo.Status = SiloStatus.Stopping;
        await StopStartedAsync(cancellationToken);
        silo.Status = SiloStatus.Dead;
        LogStopped(logger, silo.Name);
    }

    private async Task StopStartedAsync(CancellationToken cancellationToken)
    {
        while (_started.TryPop(out var participant))
        {
            try
            {
                await participant.OnStopAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Keep stopping the rest: one participant's failure must not leave the others running.
                LogStageFailed(logger, exception, participant.GetType().Name, participant.Stage);
            }
        }
    }

    [LoggerMessage(SiloEventIds.SiloStarting, LogLevel.Information, "Silo {SiloName} starting as {SiloAddress}")]
    private static partial void LogStarting(ILogger logger, string siloName, SiloAddress siloAddress);

    [LoggerMessage(SiloEventIds.SiloStarted, LogLevel.Information, "Silo {SiloName} active as {SiloAddress}")]
    private static partial void LogStarted(ILogger logger, string siloName, SiloAddress siloAddress);

    [LoggerMessage(SiloEventIds.SiloStopping, LogLevel.Information, "Silo {SiloName} stopping")]
    private static partial void LogStopping(ILogger logger, string siloName);

    [LoggerMessage(SiloEventIds.SiloStopped, LogLevel.Information, "Silo {SiloName} stopped")]
    private static partial void LogStopped(ILogger logger, string siloName);

    [LoggerMessage(SiloEventIds.LifecycleStageFailed, LogLevel.Error, "Silo lifecycle participant {Participant} failed at stage {Stage}")]
    private static partial void LogStageFailed(ILogger logger, Exception exception, string participant, int stage);
}
