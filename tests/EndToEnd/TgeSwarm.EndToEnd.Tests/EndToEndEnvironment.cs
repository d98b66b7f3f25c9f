using System.Reflection;

namespace TgeSwarm.EndToEnd.Tests;

/// <summary>The repository and the silo host build these tests run; both recorded at build time (see the csproj).</summary>
internal static class EndToEndEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("SwarmRepositoryRoot");

    public static string LocalClusterScript => Path.Combine(RepositoryRoot, "deploy", "local-cluster.sh");

    /// <summary>The built TgeSwarm.Silo.dll; the tests fail, never build, when it is missing.</summary>
    public static string SiloHostPath
    {
        get
        {
            var path = Metadata("SwarmSiloHostPath");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"The silo host is not built at {path}. Build the solution (or src/Silo) with the same configuration and " +
                    "artifacts path as these tests: scripts/test.sh does.");
        }
    }

    private static string Metadata(string key) =>
        typeof(EndToEndEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The test assembly carries no {key}: the csproj target SwarmRecordSiloHostPath did not run.");
}
