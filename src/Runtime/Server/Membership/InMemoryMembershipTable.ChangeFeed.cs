using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TgeSwarm.Runtime.Membership;

internal sealed partial class InMemoryMembershipTable : IMembershipTableChangeFeed
{
    // Guarded by _lock, like the rows: a change is published under the lock that made it, so every watcher
    // receives versions in the order they were written.
    private readonly List<Channel<int>> _watchers = [];

    /// <summary>
    /// Yields the version after each change made once the enumeration has started (its first <c>MoveNextAsync</c>
    /// subscribes, synchronously). A slow watcher skips to the newest version rather than queueing old ones. Ends,
    /// without throwing, when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<int> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<int>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_lock)
        {
            _watchers.Add(channel);
        }

        try
        {
            while (await WaitToReadAsync(channel.Reader, cancellationToken))
            {
                while (channel.Reader.TryRead(out var version))
                {
                    yield return version;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(channel);
            }
        }
    }

    // Cancellation is how a watcher stops, not a failure, so it ends the enumeration instead of throwing.
    private static async Task<bool> WaitToReadAsync(ChannelReader<int> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Publish(int version)
    {
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(version);
        }
    }
}
