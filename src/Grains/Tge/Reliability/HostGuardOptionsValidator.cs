using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>
/// Checks the defaults and every host's resolved policy against the bounds Polly and the guard need, so a bad value
/// fails the silo's start with the field named instead of the first fetch to that host.
/// </summary>
internal sealed class HostGuardOptionsValidator : IValidateOptions<HostGuardOptions>
{
    private static readonly TimeSpan PollyMinimum = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, HostGuardOptions options)
    {
        var failures = new List<string>();
        Check(HostGuardOptions.SectionName, options.Resolve(""), failures);
        foreach (var host in options.PerHost.Keys)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal))
            {
                failures.Add($"{HostGuardOptions.SectionName}:PerHost: '{host}' is not a host name (use e.g. www.binance.com or 127.0.0.1:8080).");
                continue;
            }

            Check($"{HostGuardOptions.SectionName}:PerHost:{host}", options.Resolve(host), failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string prefix, HostPolicy p, List<string> failures)
    {
        void Fail(string field, string rule, object value) => failures.Add($"{prefix}:{field} {rule} (got {value}).");

        if (p.MaxConcurrency is < 1 or > 64)
        {
            Fail(nameof(p.MaxConcurrency), "must be between 1 and 64", p.MaxConcurrency);
        }

        if (p.MinSpacing < TimeSpan.Zero || p.MinSpacing > TimeSpan.FromMinutes(1))
        {
            Fail(nameof(p.MinSpacing), "must be between 0 and 1 minute", p.MinSpacing);
        }

        if (p.AttemptTimeout < TimeSpan.FromMilliseconds(100))
        {
            Fail(nameof(p.AttemptTimeout), "must be at least 100 ms", p.AttemptTimeout);
        }

        if (p.FetchBudget < p.AttemptTimeout || p.FetchBudget > TimeSpan.FromSeconds(28))
        {
            Fail(nameof(p.FetchBudget), "must be at least AttemptTimeout and at most 28 s (the grain call times out at 30 s)", p.FetchBudget);
        }

        if (p.MaxRetries is < 0 or > 10)
        {
            Fail(nameof(p.MaxRetries), "must be between 0 and 10", p.MaxRetries);
        }

        if (p.RetryBaseDelay < TimeSpan.Zero || p.RetryMaxDelay < p.RetryBaseDelay)
        {
            Fail(nameof(p.RetryMaxDelay), "must be at least RetryBaseDelay, which must not be negative", p.RetryMaxDelay);
        }

        if (p.RateLimitBlock < TimeSpan.Zero)
        {
            Fail(nameof(p.RateLimitBlock), "must not be negative", p.RateLimitBlock);
        }

        if (p.BreakerFailureRatio is <= 0 or > 1)
        {
            Fail(nameof(p.BreakerFailureRatio), "must be above 0 and at most 1", p.BreakerFailureRatio);
        }

        if (p.BreakerMinimumThroughput < 2)
        {
            Fail(nameof(p.BreakerMinimumThroughput), "must be at least 2", p.BreakerMinimumThroughput);
        }

        if (p.BreakerSamplingDuration < PollyMinimum)
        {
            Fail(nameof(p.BreakerSamplingDuration), "must be at least 500 ms", p.BreakerSamplingDuration);
        }

        if (p.BreakDuration < PollyMinimum)
        {
            Fail(nameof(p.BreakDuration), "must be at least 500 ms", p.BreakDuration);
        }

        if (p.MaxBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            Fail(nameof(p.MaxBodyBytes), "must be between 1 KiB and 64 MiB", p.MaxBodyBytes);
        }

        if (p.MaxRedirects is < 0 or > 20)
        {
            Fail(nameof(p.MaxRedirects), "must be between 0 and 20", p.MaxRedirects);
        }

        if (string.IsNullOrWhiteSpace(p.UserAgent))
        {
            Fail(nameof(p.UserAgent), "must not be empty", "''");
        }
    }
}
