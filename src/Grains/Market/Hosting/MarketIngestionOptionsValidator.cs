using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Ingestion;

namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>Every configured shard must pass the checks its grain would apply, before the silo starts.</summary>
internal sealed class MarketIngestionOptionsValidator : IValidateOptions<MarketIngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketIngestionOptions options)
    {
        var failures = new List<string>();
        if (options.KeepAlivePeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{MarketIngestionOptions.SectionName}:KeepAlivePeriod must be at least 00:00:01; got {options.KeepAlivePeriod}.");
        }

        foreach (var (key, shard) in options.Shards)
        {
            try
            {
                IngestionSettingsValidator.Validate(key, shard.ToSettings());
            }
            catch (ArgumentException exception)
            {
                failures.Add($"{MarketIngestionOptions.SectionName}:Shards:{key}: {exception.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
