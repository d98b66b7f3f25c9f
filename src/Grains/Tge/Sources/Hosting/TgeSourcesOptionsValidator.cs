using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Tge.Sources.Hosting;

/// <summary>Every configured source must pass the checks its grain would apply, and ids must be unique, before the silo starts.</summary>
internal sealed class TgeSourcesOptionsValidator : IValidateOptions<TgeSourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, TgeSourcesOptions options)
    {
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var prefix = $"{TgeSourcesOptions.SectionName}:{i}";
            if (!string.IsNullOrEmpty(source.Id) && !ids.Add(source.Id))
            {
                failures.Add($"{prefix}:Id '{source.Id}' is configured twice.");
            }

            try
            {
                SourceSettingsValidator.Validate(source.Id, source.ToSettings());
            }
            catch (ArgumentException exception)
            {
                failures.Add($"{prefix} ({source.Id}): {exception.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
