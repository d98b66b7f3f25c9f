namespace TgeSwarm.Runtime;

/// <summary>The wire id of a serialized member (field, property or positional record parameter). Never reuse an id.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IdAttribute(uint id) : Attribute
{
    public uint Id { get; } = id;
}
