namespace TgeSwarm.Runtime.Testing;

/// <summary>Settings of a <see cref="TestCluster"/>. Each cluster gets fresh ids, so test classes never share state.</summary>
public sealed class TestClusterOptions
{
    public string ClusterId { get; set; } = $"test-{Guid.NewGuid():N}";

    public string ServiceId { get; set; } = $"test-{Guid.NewGuid():N}";

    public int InitialSilosCount { get; set; } = 1;

    /// <summary>
    /// Fast failure detection and table refresh (<see cref="Configuration.ClusterMembershipOptions.ApplyTestDefaults"/>),
    /// so a killed silo is declared dead in seconds. Default on.
    /// </summary>
    public bool UseTestMembershipDefaults { get; set; } = true;

    /// <summary>Log level of the silos' console logs; default Warning keeps test output readable.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Warning;
}
