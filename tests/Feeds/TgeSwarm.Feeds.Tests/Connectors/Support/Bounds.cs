namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>Failure detectors for the connector tests, not paces: a passing test never comes near them.</summary>
internal static class Bounds
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
}
