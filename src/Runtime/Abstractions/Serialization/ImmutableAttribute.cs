namespace TgeSwarm.Runtime;

/// <summary>
/// Values of this type, or this parameter, are never mutated after they are sent, so local calls pass them
/// without a copy.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ImmutableAttribute : Attribute;
