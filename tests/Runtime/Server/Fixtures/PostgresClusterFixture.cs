using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Tests.Fixtures;

/// <summary>
/// The same cluster with grain storage "store" in a real PostgreSQL. Without <c>TGESWARM_TEST_POSTGRES</c> the tests
/// fail with instructions; they never skip.
/// </summary>
public sealed class PostgresClusterFixture : ClusterFixture
{
    public const string Variable = "TGESWARM_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run scripts/test.sh, which starts a throw-away PostgreSQL and sets it, or set it to a connection string of a database the tests may write to.");

    /// <summary>
    /// Fails at once, naming the server, when PostgreSQL cannot be reached. For tests on a fake clock: the reminder
    /// service retries its first read on the silo's clock, so an unreachable server would hang their start-up.
    /// </summary>
    public static async Task<string> ReachableConnectionStringAsync()
    {
        var connectionString = ConnectionString;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Npgsql.NpgsqlException exception)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {builder.Host}:{builder.Port} ({Variable}) cannot be reached: {exception.Message}. Run scripts/test.sh, which starts one.", exception);
        }

        return connectionString;
    }

    protected override void Configure(Runtime.Hosting.ISiloBuilder silo) => silo.AddPostgresGrainStorage("store", ConnectionString);
}
