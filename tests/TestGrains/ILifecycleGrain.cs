namespace TgeSwarm.TestGrains;

public interface ILifecycleGrain : IGrainWithIntegerKey
{
    Task<string> PingAsync();

    Task DeactivateAsync();

    /// <summary>Starts a timer writing ticks to the log, interleaving and keeping alive as asked.</summary>
    Task StartTimerAsync(TimeSpan period, bool keepAlive);

    Task StopTimerAsync();
}
