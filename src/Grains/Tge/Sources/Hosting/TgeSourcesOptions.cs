namespace TgeSwarm.Grains.Tge.Sources.Hosting;

/// <summary>
/// The sources a silo starts when it becomes active (the list at <c>Tge:Sources</c>). Starting a source is
/// idempotent and keeps a source paused at run time paused, so every silo of a cluster may carry the same list; the
/// queen adds, pauses and removes sources at run time through <see cref="Interfaces.Tge.Sources.ISourceGrain"/>.
/// </summary>
internal sealed class TgeSourcesOptions
{
    public const string SectionName = "Tge:Sources";

    public List<TgeSourceOptions> Sources { get; } = [];
}
