namespace TgeSwarm.Runtime;

/// <summary>A call leaving a grain or client, as outgoing filters see it; it runs in the caller's context.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext;
