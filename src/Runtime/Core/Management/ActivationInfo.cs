namespace TgeSwarm.Runtime;

/// <summary>One activation: where it lives, what it is doing and since when it has been idle.</summary>
[GenerateSerializer]
public sealed record ActivationInfo(
    [property: Id(0)] GrainId GrainId,
    [property: Id(1)] string SiloAddress,
    [property: Id(2)] string State,
    [property: Id(3)] int RunningRequests,
    [property: Id(4)] int QueuedRequests,
    [property: Id(5)] TimeSpan IdleFor);
