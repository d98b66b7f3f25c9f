using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Market.Hosting;

internal sealed class MarketPipelineOptionsValidator : IValidateOptions<MarketPipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketPipelineOptions options)
    {
        var failures = new List<string>();
        if (options.DedupCapacityPerInstrument < 1)
        {
            failures.Add($"{MarketPipelineOptions.SectionName}:DedupCapacityPerInstrument must be at least 1 (got {options.DedupCapacityPerInstrument}).");
        }

        if (options.RecentBarsKept < 1)
        {
            failures.Add($"{MarketPipelineOptions.SectionName}:RecentBarsKept must be at least 1 (got {options.RecentBarsKept}).");
        }

        if (options.RecentWindowsKept < 1)
        {
            failures.Add($"{MarketPipelineOptions.SectionName}:RecentWindowsKept must be at least 1 (got {options.RecentWindowsKept}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
