using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

/// <summary>Bounded waits on what the server says a store session is doing.</summary>
internal static class StreamTestWaits
{
    /// <summary>
    /// Until one of the store's sessions waits on a lock. The server offers no signal for this, so it is polled,
    /// with a bound that names the phase.
    /// </summary>
    public static async Task<int> UntilBlockedOnLockAsync(StreamStore store, string phase)
    {
        await using var command = store.Schema.DataSource.CreateCommand(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = store.ApplicationName });
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            if (await command.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"Timed out after 20 s waiting for {phase}.");
    }
}
