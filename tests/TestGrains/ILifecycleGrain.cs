namespace TgeSwarm.TestGrains;

public interface ILifecycleGrain : IGrainWithIntegerKey
{
    Task<string> PingAsync();

    Task DeactivateAsync();

    /// <summary>Starts a timer writing ticks to the log, interleaving and keeping alive as asked.</summary>
    Task StartTimerAsync(TimeSpan period, bool keepAlive);

    Task StopTimerAsync();

    /// <summary>Starts a timer due in <paramref name="dueTime"/> whose callback waits until its token is cancelled.</summary>
    Task StartWaitingTimerAsync(TimeSpan dueTime);

    /// <summary>Holds the activation until gate <paramref name="gate"/> opens.</summary>
    Task HoldAsync(string gate);

    /// <summary>Asks for deactivation while other turns run: it interleaves with them.</summary>
    [AlwaysInterleave]
    Task DeactivateWhileBusyAsync();
}
