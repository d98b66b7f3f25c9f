namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>Where a source is in its life.</summary>
public enum TgeSourceRunState
{
    /// <summary>Never started, or removed: no settings, no polling.</summary>
    Unconfigured,

    /// <summary>Polling on its adaptive interval.</summary>
    Running,

    /// <summary>Settings kept, polling stopped until resumed.</summary>
    Paused,
}
