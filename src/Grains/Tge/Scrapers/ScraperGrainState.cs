using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Scrapers;

/// <summary>What a scraper keeps across activations and silos.</summary>
[GenerateSerializer]
internal sealed class ScraperGrainState
{
    /// <summary>The sources it owns, by source id; empty when never started or stopped.</summary>
    [Id(0)]
    public Dictionary<string, TgeSourceSettings> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Sources it gave up whose release has not succeeded yet. Kept so that a failed release is retried rather than
    /// leaving a source polling under an owner that no longer knows it.
    /// </summary>
    [Id(1)]
    public HashSet<string> Releasing { get; set; } = new(StringComparer.Ordinal);
}
