using System.Runtime.CompilerServices;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// Holds this silo's current <see cref="ClusterMembershipSnapshot"/> and wakes watchers when a newer one is
/// published. Publication is monotonic: a snapshot not newer than the current one is dropped, so two refreshes
/// racing each other can never move the view back.
/// </summary>
internal sealed class MembershipView
{
    private readonly Lock _lock = new();
    private ClusterMembershipSnapshot _current = ClusterMembershipSnapshot.Empty;
    private TaskCompletionSource _changed = NewSignal();

    public ClusterMembershipSnapshot Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Makes <paramref name="snapshot"/> current if it is newer; returns the snapshot it replaced, or null when it was not newer.</summary>
    public ClusterMembershipSnapshot? TryPublish(ClusterMembershipSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        TaskCompletionSource changed;
        ClusterMembershipSnapshot previous;
        lock (_lock)
        {
            if (snapshot.Version <= _current.Version)
            {
                return null;
            }

            previous = _current;
            _current = snapshot;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return previous;
    }

    /// <summary>The current snapshot, then each newer one; a slow reader skips versions but never goes back. Ends when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<ClusterMembershipSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (last, changed) = Read();
        yield return last;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await changed.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            var (current, next) = Read();
            changed = next;
            if (current.Version > last.Version)
            {
                last = current;
                yield return current;
            }
        }
    }

    private (ClusterMembershipSnapshot Snapshot, Task Changed) Read()
    {
        // Snapshot and signal are read together, so a publication between the two cannot be missed.
        lock (_lock)
        {
            return (_current, _changed.Task);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
