using System.Runtime.CompilerServices;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>The membership table contract on the in-memory table, which keeps times exactly.</summary>
public sealed class InMemoryMembershipTableTests : MembershipTableContract
{
    protected override TimeSpan TimeResolution => TimeSpan.FromTicks(1);

    // One instance is one cluster: the cluster id has nowhere to go.
    protected override Task<IMembershipTable> CreateTableAsync(string clusterId) => Task.FromResult<IMembershipTable>(new InMemoryMembershipTable());

    protected override async IAsyncEnumerable<int> Watch(
        IMembershipTable table, Action<int> onListening, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var feed = ((IMembershipTableChangeFeed)table).WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

        // The first MoveNextAsync subscribes before it returns; only then does the feed hear changes.
        var next = feed.MoveNextAsync();
        onListening(0);
        while (await next)
        {
            yield return feed.Current;
            next = feed.MoveNextAsync();
        }
    }
}
