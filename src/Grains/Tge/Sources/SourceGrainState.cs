using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>What a source keeps across activations and silos.</summary>
[GenerateSerializer]
internal sealed class SourceGrainState
{
    /// <summary>The settings it was started with; null when never started or removed.</summary>
    [Id(0)]
    public TgeSourceSettings? Settings { get; set; }

    [Id(1)]
    public bool Paused { get; set; }

    /// <summary>The validators of the last body read, sent back on the next poll.</summary>
    [Id(2)]
    public string? ETag { get; set; }

    [Id(3)]
    public string? LastModified { get; set; }

    /// <summary>The ids of the items already emitted (or skipped as backlog), oldest first, bounded.</summary>
    [Id(4)]
    public List<string> SeenIds { get; set; } = [];

    /// <summary>Whether a body was read since the settings were first given (a source that skips its backlog skips it once).</summary>
    [Id(5)]
    public bool FirstPollDone { get; set; }

    /// <summary>Who claimed the source (a scraper); null when started directly. Only the owner may release it.</summary>
    [Id(6)]
    public string? Owner { get; set; }
}
