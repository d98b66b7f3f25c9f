namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>How a fetch through a host guard ended. Everything but <see cref="Ok"/> and <see cref="NotModified"/> is a failure the source counts by this name.</summary>
public enum TgeFetchOutcome
{
    /// <summary>2xx with a body within the cap.</summary>
    Ok,

    /// <summary>304: the validators sent still match.</summary>
    NotModified,

    /// <summary>5xx, after the retries.</summary>
    ServerError,

    /// <summary>4xx other than 429 (not retried: asking again will not help).</summary>
    ClientError,

    /// <summary>429; the host is blocked for the <c>Retry-After</c> it sent.</summary>
    RateLimited,

    /// <summary>No answer within the attempt timeout, after the retries.</summary>
    Timeout,

    /// <summary>Connection refused or reset, DNS or TLS failure, a body cut short; after the retries.</summary>
    NetworkError,

    /// <summary>More redirects than allowed, a redirect back to a URL already visited, or to a non-http(s) location.</summary>
    TooManyRedirects,

    /// <summary>The body is larger than the host's cap; the rest was not read.</summary>
    BodyTooLarge,

    /// <summary>Refused without a request: the host's circuit breaker is open.</summary>
    CircuitOpen,

    /// <summary>Refused without a request: a <c>Retry-After</c> from the host is still in force.</summary>
    HostBlocked,

    /// <summary>Refused without a request: the host's queue did not free a slot within the fetch's time budget.</summary>
    HostBusy,
}
