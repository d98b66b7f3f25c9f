using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Tge.Events;

internal sealed class TgeEventOptionsValidator : IValidateOptions<TgeEventOptions>
{
    public ValidateOptionsResult Validate(string? name, TgeEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MergeWindow <= TimeSpan.Zero)
        {
            failures.Add($"{TgeEventOptions.SectionName}:{nameof(TgeEventOptions.MergeWindow)} must be positive (got {options.MergeWindow}).");
        }

        if (!double.IsFinite(options.DuplicateTitleSimilarity) || options.DuplicateTitleSimilarity is <= 0 or > 1)
        {
            failures.Add($"{TgeEventOptions.SectionName}:{nameof(TgeEventOptions.DuplicateTitleSimilarity)} must be in (0, 1] (got {options.DuplicateTitleSimilarity}).");
        }

        if (options.MaxSightings < 1)
        {
            failures.Add($"{TgeEventOptions.SectionName}:{nameof(TgeEventOptions.MaxSightings)} must be at least 1 (got {options.MaxSightings}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
