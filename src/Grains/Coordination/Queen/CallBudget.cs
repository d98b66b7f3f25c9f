namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// A caller's token that also cancels after a timeout measured on the injected clock, so a test's fake clock decides
/// when a status read or a start has taken too long.
/// </summary>
internal sealed class CallBudget : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public CallBudget(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _timeout = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the budget ran out (as opposed to the caller cancelling).</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
