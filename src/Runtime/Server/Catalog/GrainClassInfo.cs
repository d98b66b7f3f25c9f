using Microsoft.Extensions.DependencyInjection;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>What the silo knows about one grain class, read once at start-up.</summary>
internal sealed class GrainClassInfo
{
    public required string GrainType { get; init; }

    public required Type ClassType { get; init; }

    public required PlacementStrategy Placement { get; init; }

    public bool IsReentrant { get; init; }

    public bool IsStatelessWorker { get; init; }

    /// <summary>A runtime service per silo (<c>sys.*</c>): placed by its key, never registered, never collected.</summary>
    public bool IsSystemTarget { get; init; }

    public int MaxLocalWorkers { get; init; }

    /// <summary>Whether the class filters its own incoming calls.</summary>
    public bool IsIncomingFilter { get; init; }

    public required TimeSpan CollectionAge { get; init; }

    /// <summary>The constructor, with persistent states passed as explicit arguments and the rest from DI.</summary>
    public required ObjectFactory Factory { get; init; }

    /// <summary>One factory per <c>[PersistentState]</c> constructor parameter, in parameter order.</summary>
    public required IReadOnlyList<IPersistentStateFactory> States { get; init; }

    public override string ToString() => $"{GrainType} ({ClassType.FullName})";
}
