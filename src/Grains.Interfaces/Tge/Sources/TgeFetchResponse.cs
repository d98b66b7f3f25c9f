using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>What a host guard's fetch came back with: an outcome always, a body only for <see cref="TgeFetchOutcome.Ok"/>.</summary>
/// <param name="StatusCode">The final HTTP status; 0 when no answer was received.</param>
/// <param name="FinalUrl">The URL the body came from, after redirects (relative links resolve against it).</param>
/// <param name="Body">The body (at most the host's cap); empty unless <see cref="TgeFetchOutcome.Ok"/>.</param>
/// <param name="RetryAfter">How long the host asked to wait (429/503 <c>Retry-After</c>, or what is left of a block or an open circuit).</param>
/// <param name="Attempts">Requests made: 0 when refused without one, more than 1 after retries.</param>
/// <param name="Detail">A short human explanation of a failure.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeFetchResponse(
    [property: Id(0)] TgeFetchOutcome Outcome,
    [property: Id(1)] int StatusCode,
    [property: Id(2)] string FinalUrl,
    [property: Id(3)] byte[] Body,
    [property: Id(4)] string? ContentType,
    [property: Id(5)] string? ETag,
    [property: Id(6)] string? LastModified,
    [property: Id(7)] TimeSpan? RetryAfter,
    [property: Id(8)] int Attempts,
    [property: Id(9)] string? Detail);
