namespace TgeSwarm.Silo.Tge;

/// <summary>
/// The local TGE sources the embedded default runs in-process (section <c>Tge:LocalSources</c>): one source of each
/// kind served on 127.0.0.1 from the embedded examples, with new listings published on a schedule, and a source
/// grain polling each, so the detection pipeline finds events without the internet.
/// </summary>
internal sealed class TgeLocalSourcesOptions
{
    public const string SectionName = "Tge:LocalSources";

    /// <summary>Serve the local sources and poll them. Default: on for the embedded default, off in a cluster.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How often a new listing is published on the Binance-shaped and the RSS source; zero publishes none. Default 30 s.</summary>
    public TimeSpan PublishEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest time between two polls of one source. Default 1 s.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest time between two polls of one source while nothing changes. Default 5 s.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(5);
}
