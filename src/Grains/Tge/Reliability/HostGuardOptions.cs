namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>
/// How the host guards treat every host (section <c>Tge:Hosts</c>), with per-host exceptions under
/// <c>Tge:Hosts:PerHost:{host}</c> (the guard's key: the host name, with <c>:port</c> when not the scheme's default).
/// The defaults suit public announcement APIs polled every few seconds; SOURCES.md explains each.
/// </summary>
internal sealed class HostGuardOptions
{
    public const string SectionName = "Tge:Hosts";

    /// <summary>Requests to the host at once. Default 4; the performance grain may lower it to 1 and raise it back.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The least time between the starts of two requests to the host (a rate limit). Default 200 ms; 0 disables it.</summary>
    public TimeSpan MinSpacing { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>One attempt's time for headers and body, redirects included. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A whole fetch's time: queueing, attempts and retry delays. Default 25 s, below the 30 s grain call timeout.</summary>
    public TimeSpan FetchBudget { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Retries after a 5xx, a timeout or a network error (and a 429 whose Retry-After fits <see cref="RetryMaxDelay"/>). Default 2; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; it doubles per retry, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest retry delay; a Retry-After longer than this is not waited for inside a fetch. Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a 429 without a Retry-After blocks the host. Default 30 s.</summary>
    public TimeSpan RateLimitBlock { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The failed share of attempts in the sampling duration that opens the circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling duration before the ratio counts. Default 4.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The breaker's window. Default 60 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit refuses before a half-open probe. Default 30 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body read (decompressed); a larger one is cut off and counted. Default 2 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Redirects followed per attempt; a loop is refused as soon as a URL repeats. Default 5.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The User-Agent sent. Default <c>TgeSwarm/1.0 (+announcement poller)</c>.</summary>
    public string UserAgent { get; set; } = "TgeSwarm/1.0 (+announcement poller)";

    /// <summary>Per-host exceptions, by guard key (case-insensitive).</summary>
    public Dictionary<string, HostPolicyOverride> PerHost { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy of guard key <paramref name="host"/>: its own exceptions, else those of its host name without the port.</summary>
    public HostPolicy Resolve(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!PerHost.TryGetValue(host, out var o) && host.LastIndexOf(':') is var colon and > 0
            && host.AsSpan(colon + 1) is { Length: > 0 } port && !port.ContainsAnyExcept("0123456789"))
        {
            // Configuration keys cannot hold a colon, so exceptions are configured per host name and cover every port.
            PerHost.TryGetValue(host[..colon], out o);
        }

        return new HostPolicy
        {
            MaxConcurrency = o?.MaxConcurrency ?? MaxConcurrency,
            MinSpacing = o?.MinSpacing ?? MinSpacing,
            AttemptTimeout = o?.AttemptTimeout ?? AttemptTimeout,
            FetchBudget = o?.FetchBudget ?? FetchBudget,
            MaxRetries = o?.MaxRetries ?? MaxRetries,
            RetryBaseDelay = o?.RetryBaseDelay ?? RetryBaseDelay,
            RetryMaxDelay = o?.RetryMaxDelay ?? RetryMaxDelay,
            RateLimitBlock = o?.RateLimitBlock ?? RateLimitBlock,
            BreakerFailureRatio = o?.BreakerFailureRatio ?? BreakerFailureRatio,
            BreakerMinimumThroughput = o?.BreakerMinimumThroughput ?? BreakerMinimumThroughput,
            BreakerSamplingDuration = o?.BreakerSamplingDuration ?? BreakerSamplingDuration,
            BreakDuration = o?.BreakDuration ?? BreakDuration,
            MaxBodyBytes = o?.MaxBodyBytes ?? MaxBodyBytes,
            MaxRedirects = o?.MaxRedirects ?? MaxRedirects,
            UserAgent = o?.UserAgent ?? UserAgent,
        };
    }
}
