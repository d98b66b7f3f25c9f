namespace TgeSwarm.Runtime.Invocation;

/// <summary>The result type of grain methods returning <c>Task</c> or <c>ValueTask</c>.</summary>
public readonly struct VoidResult;
