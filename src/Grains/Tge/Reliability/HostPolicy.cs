namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>The resolved policy of one host: the defaults of <see cref="HostGuardOptions"/> with the host's overrides applied.</summary>
internal sealed record HostPolicy
{
    public int MaxConcurrency { get; init; }

    public TimeSpan MinSpacing { get; init; }

    public TimeSpan AttemptTimeout { get; init; }

    public TimeSpan FetchBudget { get; init; }

    public int MaxRetries { get; init; }

    public TimeSpan RetryBaseDelay { get; init; }

    public TimeSpan RetryMaxDelay { get; init; }

    public TimeSpan RateLimitBlock { get; init; }

    public double BreakerFailureRatio { get; init; }

    public int BreakerMinimumThroughput { get; init; }

    public TimeSpan BreakerSamplingDuration { get; init; }

    public TimeSpan BreakDuration { get; init; }

    public int MaxBodyBytes { get; init; }

    public int MaxRedirects { get; init; }

    public string UserAgent { get; init; } = "";
}
