using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Scrapers;

/// <summary>What one scraper shard owns: its sources, by source id, with the settings each one polls on.</summary>
/// <param name="Sources">Source id → settings; at least one.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeScraperSettings([property: Id(0)] IReadOnlyDictionary<string, TgeSourceSettings> Sources);
