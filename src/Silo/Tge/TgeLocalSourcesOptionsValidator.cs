using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Tge;

internal sealed class TgeLocalSourcesOptionsValidator : IValidateOptions<TgeLocalSourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, TgeLocalSourcesOptions options)
    {
        List<string> failures = [];
        var section = TgeLocalSourcesOptions.SectionName;
        if (options.PublishEvery < TimeSpan.Zero)
        {
            failures.Add($"{section}:PublishEvery must be zero (publish nothing) or positive; got {options.PublishEvery}.");
        }

        if (options.MinInterval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{section}:MinInterval must be at least 00:00:00.1; got {options.MinInterval}.");
        }

        if (options.MaxInterval < options.MinInterval)
        {
            failures.Add($"{section}:MaxInterval ({options.MaxInterval}) must not be shorter than MinInterval ({options.MinInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
