namespace TgeSwarm.Runtime;

/// <summary>Requests to this grain class interleave at awaits; turns still never run in parallel.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
