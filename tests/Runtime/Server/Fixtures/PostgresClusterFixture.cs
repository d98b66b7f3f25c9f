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

    protected override void Configure(Runtime.Hosting.ISiloBuilder silo) => silo.AddPostgresGrainStorage("store", ConnectionString);
}
