namespace TgeSwarm.Silo.Health;

/// <summary>The <c>Health</c> section: how <c>/health/ready</c> judges this silo.</summary>
internal sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// How long the grain storage may take to answer a readiness check before the silo reads as not ready. Default 2 s:
    /// HAProxy checks every 500 ms and gives up on a check well before a grain call would.
    /// </summary>
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
