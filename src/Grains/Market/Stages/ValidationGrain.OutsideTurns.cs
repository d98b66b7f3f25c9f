namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// The loops that talk to the memory coordinator run on the thread pool, outside the grain's turns: this grain is not
/// reentrant, so a turn awaiting the memory grain (an interleaving timer tick included) would hold back every stream
/// batch until it answered. The loops touch nothing of the grain but what they are given, the logger and concurrent
/// queues the turns drain; deactivation cancels them.
/// </summary>
internal sealed partial class ValidationGrain
{
    private readonly CancellationTokenSource _deactivating = new();

    /// <summary>
    /// Starts <paramref name="loop"/> on the thread pool, outside the grain's turns. The task returned completes with
    /// the loop; a loop that fails for a reason it does not expect is logged (5117) rather than lost unobserved.
    /// </summary>
    private Task RunOutsideTurns(Func<Task> loop, string name) =>
        Task.Run(loop, CancellationToken.None).ContinueWith(
            failed => Log.LoopFailed(logger, failed.Exception!.GetBaseException(), _venue, name),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
