namespace TgeSwarm.Runtime;

/// <summary>
/// The caller does not wait for this interface method: the call completes when the request is sent and the
/// method's result and exceptions are dropped (and logged). The method must return <c>Task</c> or <c>ValueTask</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
