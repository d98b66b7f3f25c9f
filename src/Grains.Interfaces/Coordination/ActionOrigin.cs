using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>Who asks for a command and why; both go into the action log.</summary>
/// <param name="Actor">The caller as the API authenticated it (an API key's name, <c>cli</c>, <c>bootstrap</c>); 1..200 characters.</param>
/// <param name="Reason">Why, in the caller's words; optional except for a halt. At most 1,000 characters.</param>
[GenerateSerializer]
[Immutable]
public sealed record ActionOrigin(
    [property: Id(0)] string Actor,
    [property: Id(1)] string? Reason = null);
