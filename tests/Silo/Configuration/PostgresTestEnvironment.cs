namespace TgeSwarm.Silo.Tests.Configuration;

/// <summary>
/// The real PostgreSQL the cluster-member tests need. They fail, never skip, without one: a skipped suite reads as
/// green and hides that nothing was tested.
/// </summary>
internal static class PostgresTestEnvironment
{
    public const string Variable = "TGESWARM_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set. These tests run a silo against a real PostgreSQL: run them through scripts/test.sh " +
                $"(it installs PostgreSQL and sets the variable), or set {Variable} yourself (tests/TESTING.md).");
}
