using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>A host's health as its guard sees it, since the guard's activation started.</summary>
/// <param name="Requests">HTTP requests made (every attempt, every redirect hop counted once per attempt).</param>
/// <param name="Fetches">Fetches asked for by sources.</param>
/// <param name="Failures">Attempts that failed (5xx, 429, timeouts, network errors, caps).</param>
/// <param name="Retries">Attempts that were retries.</param>
/// <param name="RejectedByBreaker">Fetches refused because the circuit was open.</param>
/// <param name="RejectedByBlock">Fetches refused because a Retry-After was in force.</param>
/// <param name="ErrorRate">Failed share of the last attempts (at most 100 of them, within the breaker's sampling duration).</param>
/// <param name="MeanLatency">Mean duration of those attempts.</param>
/// <param name="InFlight">Requests running now.</param>
/// <param name="Queued">Fetches waiting for a slot.</param>
/// <param name="ConcurrencyLimit">The slot count in force (tuned within [1, the policy's MaxConcurrency]).</param>
/// <param name="BlockedUntil">The end of a Retry-After block, when one is in force.</param>
/// <param name="LastFailureReason">The last failed attempt's outcome and detail.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeHostGuardStatus(
    [property: Id(0)] string Host,
    [property: Id(1)] TgeCircuitState Circuit,
    [property: Id(2)] long Fetches,
    [property: Id(3)] long Requests,
    [property: Id(4)] long Failures,
    [property: Id(5)] long Retries,
    [property: Id(6)] long RejectedByBreaker,
    [property: Id(7)] long RejectedByBlock,
    [property: Id(8)] double ErrorRate,
    [property: Id(9)] TimeSpan MeanLatency,
    [property: Id(10)] int InFlight,
    [property: Id(11)] int Queued,
    [property: Id(12)] int ConcurrencyLimit,
    [property: Id(13)] DateTimeOffset? BlockedUntil,
    [property: Id(14)] string? LastFailureReason,
    [property: Id(15)] DateTimeOffset? LastFailureAt,
    [property: Id(16)] int CircuitOpenings);
