namespace TgeSwarm.Runtime;

/// <summary>
/// The code generator writes a binary codec and a deep copier for this type. Members to serialize carry
/// <see cref="IdAttribute"/>; ids, not names or order, identify them on the wire, so members may be added and
/// removed without breaking readers of older or newer data.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, Inherited = false)]
public sealed class GenerateSerializerAttribute : Attribute;
