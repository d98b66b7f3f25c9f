namespace TgeSwarm.Runtime;

/// <summary>
/// A stable wire name for a type, grain interface or method, so it can be renamed or moved without breaking
/// stored data or running peers.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum | AttributeTargets.Method)]
public sealed class AliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
