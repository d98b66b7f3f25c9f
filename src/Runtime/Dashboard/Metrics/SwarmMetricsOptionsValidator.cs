using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

internal sealed class SwarmMetricsOptionsValidator : IValidateOptions<SwarmMetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, SwarmMetricsOptions options)
    {
        var failures = new List<string>();
        if (options.MeterPrefixes.Count == 0 || options.MeterPrefixes.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{nameof(SwarmMetricsOptions.MeterPrefixes)} must hold at least one prefix and no empty one.");
        }

        if (options.MaxSeriesPerInstrument <= 0)
        {
            failures.Add($"{nameof(SwarmMetricsOptions.MaxSeriesPerInstrument)} must be positive (was {options.MaxSeriesPerInstrument}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
