using System.Runtime.CompilerServices;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Postgres.Membership;

internal sealed partial class PostgresMembershipTable : IMembershipTableChangeFeed
{
    /// <summary>
    /// Yields the version of each change of this cluster that a dedicated LISTEN connection hears of, from the
    /// moment it listens; after a lost connection is re-established, also the version read then, as changes made
    /// meanwhile were not heard. Ends, without throwing, when <paramref name="cancellationToken"/> is cancelled.
    /// Each enumeration owns its connection.
    /// </summary>
    public IAsyncEnumerable<int> WatchAsync(CancellationToken cancellationToken) => WatchAsync(onListening: null, cancellationToken);

    /// <param name="onListening">Called with the backend process id each time LISTEN is (re-)established; tests wait on it.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    internal async IAsyncEnumerable<int> WatchAsync(Action<int>? onListening, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var listener = new PostgresMembershipListener(database, ClusterId, options, timeProvider, logger, onListening);
        while (await listener.NextAsync(cancellationToken) is { } version)
        {
            yield return version;
        }
    }
}
