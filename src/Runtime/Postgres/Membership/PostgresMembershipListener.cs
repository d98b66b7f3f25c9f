using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Postgres.Membership;

/// <summary>
/// One LISTEN connection on channel <c>swarm_membership</c>, kept alive for one watcher.
/// <para>
/// Algorithm: open a connection of its own (never pooled: a LISTEN is session state, and pooled sessions are not
/// reset, so a listening session handed back to the pool would keep queueing notifications nobody reads), LISTEN,
/// read the cluster's version as the baseline, then wait for notifications (Npgsql's <c>WaitAsync</c>); payloads of
/// other clusters are ignored, and only a version above every one known is handed out, so the feed never repeats or
/// goes backwards. A wait that hears nothing for <see cref="PostgresClusteringOptions.ListenHealthCheckInterval"/>
/// sends <c>SELECT 1</c>, so a connection that died silently is found (that bound is a socket read timeout inside
/// Npgsql, hence real time, not the TimeProvider). On a connection failure: log, drop the connection, wait (from
/// <see cref="PostgresClusteringOptions.ListenReconnectDelay"/>, doubling up to
/// <see cref="PostgresClusteringOptions.ListenReconnectMaxDelay"/>, on the TimeProvider), reconnect, and read the
/// version again: notifications sent while nobody listened are gone, so a version that moved on meanwhile is handed
/// out then.
/// </para>
/// </summary>
internal sealed partial class PostgresMembershipListener(
    PostgresDatabase database,
    string clusterId,
    PostgresClusteringOptions options,
    TimeProvider timeProvider,
    ILogger logger,
    Action<int>? onListening) : IAsyncDisposable
{
    private readonly string _payloadPrefix = clusterId + ":";
    private NpgsqlConnection? _connection;
    private int? _heard;
    private int? _known;
    private int _failures;
    private bool _listened;

    /// <summary>The next version to hand out, or null once <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<int?> NextAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_heard is { } heard)
            {
                _heard = null;
                return heard;
            }

            try
            {
                if (_connection is null)
                {
                    await ListenAsync(cancellationToken);
                }
                else if (!await _connection.WaitAsync(options.ListenHealthCheckInterval, cancellationToken))
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                    await ping.ExecuteScalarAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or SocketException)
            {
                await DropConnectionAsync();
                var delay = NextDelay(++_failures);
                LogListenFailed(logger, ex, clusterId, _failures, delay);
                if (!await DelayAsync(delay, cancellationToken))
                {
                    return null;
                }
            }
        }

        return null;
    }

    public ValueTask DisposeAsync() => DropConnectionAsync();

    /// <summary>
    /// Opens, LISTENs, then reads the version (after LISTEN, so a change is either in this read or notified after
    /// it): the first time only as the baseline, on a reconnect also handed out when it moved on meanwhile.
    /// </summary>
    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenSessionConnectionAsync(cancellationToken);
        _connection = connection;
        connection.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand("LISTEN " + MembershipSql.Channel, connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        await database.EnsureMigratedAsync(cancellationToken);
        int current;
        await using (var read = new NpgsqlCommand(MembershipSql.ReadVersion, connection))
        {
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
            current = await read.ExecuteScalarAsync(cancellationToken) as int? ?? 0;
        }

        if (!_listened)
        {
            // A notification heard during these two commands may already be newer than the read.
            _known = Math.Max(_known ?? 0, current);
        }
        else
        {
            LogListenResumed(logger, clusterId, connection.ProcessID, _failures, current);
            Hear(current);
        }

        _listened = true;
        _failures = 0;
        onListening?.Invoke(connection.ProcessID);
    }

    // Raised inside WaitAsync (or another command) on this connection, which only NextAsync runs, so nothing
    // else touches the fields at the same time.
    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == MembershipSql.Channel
            && e.Payload.StartsWith(_payloadPrefix, StringComparison.Ordinal)
            && int.TryParse(e.Payload.AsSpan(_payloadPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            Hear(version);
        }
    }

    // Only a version above every one known is handed out, so the feed never repeats or goes backwards; several
    // heard between two reads coalesce into the newest.
    private void Hear(int version)
    {
        if (_known is not { } known || version > known)
        {
            _known = version;
            _heard = version;
        }
    }

    private TimeSpan NextDelay(int failures)
    {
        var delay = options.ListenReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay < options.ListenReconnectMaxDelay ? delay : options.ListenReconnectMaxDelay;
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // Disposing the unpooled connection ends the session, and the LISTEN with it.
    private async ValueTask DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            connection.Notification -= OnNotification;
            await connection.DisposeAsync();
        }
    }
}
