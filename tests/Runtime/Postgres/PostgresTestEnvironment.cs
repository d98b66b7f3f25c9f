namespace TgeSwarm.Runtime.Postgres.Tests;

/// <summary>
/// Where the real PostgreSQL these tests need is. They fail, never skip, without one: a skipped storage suite
/// reads as green and hides that nothing was tested.
/// </summary>
internal static class PostgresTestEnvironment
{
    public const string Variable = "TGESWARM_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set. These tests run against a real PostgreSQL: run them through the repository's test " +
                "script (it installs PostgreSQL and sets the variable), or start a server yourself (shared/STACK.md: " +
                "pg_createcluster 15 ci -p 5433 --start, role swarm, database swarm_test) and set " +
                $"{Variable}='Host=127.0.0.1;Port=5433;Username=swarm;Password=swarm;Database=swarm_test'.");
}
