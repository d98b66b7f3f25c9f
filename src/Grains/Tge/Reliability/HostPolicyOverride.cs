namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>One host's exceptions to the defaults (<c>Tge:Hosts:PerHost:{host}</c>); every unset field keeps the default.</summary>
internal sealed class HostPolicyOverride
{
    public int? MaxConcurrency { get; set; }

    public TimeSpan? MinSpacing { get; set; }

    public TimeSpan? AttemptTimeout { get; set; }

    public TimeSpan? FetchBudget { get; set; }

    public int? MaxRetries { get; set; }

    public TimeSpan? RetryBaseDelay { get; set; }

    public TimeSpan? RetryMaxDelay { get; set; }

    public TimeSpan? RateLimitBlock { get; set; }

    public double? BreakerFailureRatio { get; set; }

    public int? BreakerMinimumThroughput { get; set; }

    public TimeSpan? BreakerSamplingDuration { get; set; }

    public TimeSpan? BreakDuration { get; set; }

    public int? MaxBodyBytes { get; set; }

    public int? MaxRedirects { get; set; }

    public string? UserAgent { get; set; }
}
