using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Membership;

internal sealed class RecordingTerminator : ISiloTerminator
{
    private readonly TaskCompletionSource<string> _reason = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public Task<string> Reason => _reason.Task;

    public int Calls => Volatile.Read(ref _calls);

    public void OnDeclaredDead(string reason)
    {
        Interlocked.Increment(ref _calls);
        _reason.TrySetResult(reason);
    }
}
