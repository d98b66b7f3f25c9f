using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TgeSwarm.Silo.Health;

/// <summary>
/// Ready only while the cluster's PostgreSQL (grain state, membership, reminders, streams) answers a trivial query
/// within <see cref="HealthOptions.StorageTimeout"/>. A silo that cannot reach it can still be an active member for a
/// while (membership reads are periodic) but fails every call that loads or writes state, so HAProxy should send its
/// traffic elsewhere. The check has a small pool of its own: a storage provider's busy pool must not read as an outage.
/// <para>
/// The answer is bounded by the clock, not by the driver: a server that accepts connections and then says nothing
/// would hold a connection attempt for as long as Npgsql waits, and a health check that hangs is no answer at all.
/// An attempt given up on is cancelled and left to end on its own, within the same timeout.
/// </para>
/// </summary>
internal sealed class StorageReadinessCheck : IHealthCheck, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly HealthOptions _options;
    private readonly TimeProvider _time;

    public StorageReadinessCheck(string connectionString, IOptions<HealthOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var seconds = (int)Math.Ceiling(_options.StorageTimeout.TotalSeconds);

        // Two connections cover overlapping checks; the pool keeps them open between checks, so a check is one round trip.
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 2,
            Timeout = seconds,
            CommandTimeout = seconds,
            ApplicationName = "tgeswarm-health",
        };
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var query = QueryAsync(cancel.Token);
        try
        {
            await query.WaitAsync(_options.StorageTimeout, _time, cancellationToken);
            return HealthCheckResult.Healthy("Grain storage (PostgreSQL) answers.");
        }
        catch (TimeoutException) when (!query.IsCompleted)
        {
            await cancel.CancelAsync();
            _ = query.ContinueWith(
                static abandoned => abandoned.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return HealthCheckResult.Unhealthy($"Grain storage (PostgreSQL) did not answer within {_options.StorageTimeout}.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Grain storage (PostgreSQL) does not answer: {e.Message}", e);
        }
        finally
        {
            // An abandoned attempt still holds the token; its source goes with it.
            if (query.IsCompleted)
            {
                cancel.Dispose();
            }
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task QueryAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
