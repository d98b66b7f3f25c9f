using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Tge.Performance;

internal sealed class PerformanceOptionsValidator : IValidateOptions<PerformanceOptions>
{
    public ValidateOptionsResult Validate(string? name, PerformanceOptions options)
    {
        var failures = new List<string>();
        if (options.SweepPeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{PerformanceOptions.SectionName}:SweepPeriod must be at least 1 s (got {options.SweepPeriod}).");
        }

        if (options.FailingPolls < 1)
        {
            failures.Add($"{PerformanceOptions.SectionName}:FailingPolls must be at least 1 (got {options.FailingPolls}).");
        }

        if (options.FloorFactor is <= 1 or > 16)
        {
            failures.Add($"{PerformanceOptions.SectionName}:FloorFactor must be above 1 and at most 16 (got {options.FloorFactor}).");
        }

        if (options.HostErrorRate is <= 0 or > 1)
        {
            failures.Add($"{PerformanceOptions.SectionName}:HostErrorRate must be above 0 and at most 1 (got {options.HostErrorRate}).");
        }

        if (options.DecisionsKept is < 1 or > 10_000)
        {
            failures.Add($"{PerformanceOptions.SectionName}:DecisionsKept must be between 1 and 10000 (got {options.DecisionsKept}).");
        }

        if (options.FindingTtl < TimeSpan.FromMinutes(1) || options.FindingTtl > TimeSpan.FromDays(365))
        {
            failures.Add($"{PerformanceOptions.SectionName}:FindingTtl must be between 1 min and 365 days (got {options.FindingTtl}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
