using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Market.History;

internal sealed class MarketHistoryOptionsValidator : IValidateOptions<MarketHistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketHistoryOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{MarketHistoryOptions.SectionName}:ConnectionString is required to record bars.");
        }

        if (options.BatchSize < 1)
        {
            failures.Add($"{MarketHistoryOptions.SectionName}:BatchSize must be at least 1 (got {options.BatchSize}).");
        }

        if (options.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"{MarketHistoryOptions.SectionName}:FlushInterval must be positive (got {options.FlushInterval}).");
        }

        if (options.Capacity < options.BatchSize)
        {
            failures.Add($"{MarketHistoryOptions.SectionName}:Capacity ({options.Capacity}) must be at least BatchSize ({options.BatchSize}).");
        }

        if (options.RetryMaxDelay <= TimeSpan.Zero)
        {
            failures.Add($"{MarketHistoryOptions.SectionName}:RetryMaxDelay must be positive (got {options.RetryMaxDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
