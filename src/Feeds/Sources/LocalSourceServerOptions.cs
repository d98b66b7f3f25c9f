namespace TgeSwarm.Feeds.Sources;

/// <summary>Settings of <see cref="LocalSourceServer"/>, bound from <see cref="SectionName"/>.</summary>
public sealed class LocalSourceServerOptions
{
    public const string SectionName = "TgeSwarm:LocalSources";

    /// <summary>The 127.0.0.1 port; 0 (default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The sources served. Default none; <see cref="LocalSourceServer.DefaultSources"/> serves one per kind from the embedded examples.</summary>
    public List<LocalSourceOptions> Sources { get; set; } = [];

    /// <summary>Faults active from the start (more can be injected at run time). Default none.</summary>
    public List<LocalSourceFault> Faults { get; set; } = [];
}
