using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>One conditional GET a source asks its host guard to make.</summary>
/// <param name="SourceId">Who asks, for the guard's log lines.</param>
/// <param name="Url">Absolute http(s) URL on the guard's host.</param>
/// <param name="ETag">Sent as <c>If-None-Match</c> when set.</param>
/// <param name="LastModified">Sent as <c>If-Modified-Since</c> when set (the host's own text, echoed back).</param>
/// <param name="Headers">Extra request headers.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeFetchRequest(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string Url,
    [property: Id(2)] string? ETag,
    [property: Id(3)] string? LastModified,
    [property: Id(4)] IReadOnlyDictionary<string, string>? Headers);
