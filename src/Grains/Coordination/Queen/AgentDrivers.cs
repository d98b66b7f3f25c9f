using System.Collections.Frozen;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>The registered drivers by agent type; an unknown type is bad input naming the <c>type</c> field.</summary>
internal sealed class AgentDrivers
{
    private readonly FrozenDictionary<string, IAgentDriver> _byType;

    public AgentDrivers(IEnumerable<IAgentDriver> drivers)
    {
        _byType = drivers.ToFrozenDictionary(static d => d.Info.Type, StringComparer.Ordinal);
        Types = [.. _byType.Values.Select(static d => d.Info).OrderBy(static i => i.Type, StringComparer.Ordinal)];
    }

    public IReadOnlyList<AgentTypeInfo> Types { get; }

    public IAgentDriver Get(string type) =>
        type is not null && _byType.TryGetValue(type, out var driver)
            ? driver
            : throw new CoordinationArgumentException(
                $"Agent type '{type}' is not known; use one of {string.Join(", ", _byType.Keys.Order(StringComparer.Ordinal))}.", "type");

    public bool TryGet(string type, out IAgentDriver driver) => _byType.TryGetValue(type, out driver!);
}
