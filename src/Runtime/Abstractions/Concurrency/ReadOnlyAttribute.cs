namespace TgeSwarm.Runtime;

/// <summary>This interface method does not change state: concurrent read-only requests interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
