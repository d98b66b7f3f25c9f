using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// Fails start-up on a rules file that does not exist or does not load, so a typo in the path or the rules shows
/// at boot instead of at the first item.
/// </summary>
internal sealed class TgeClassifierOptionsValidator : IValidateOptions<TgeClassifierOptions>
{
    public ValidateOptionsResult Validate(string? name, TgeClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RulesPath))
        {
            return ValidateOptionsResult.Success;
        }

        if (!File.Exists(options.RulesPath))
        {
            return ValidateOptionsResult.Fail($"{TgeClassifierOptions.SectionName}:{nameof(TgeClassifierOptions.RulesPath)}: file not found: {options.RulesPath}");
        }

        try
        {
            TgeRuleSetLoader.LoadFile(options.RulesPath);
            return ValidateOptionsResult.Success;
        }
        catch (TgeRulesException exception)
        {
            return ValidateOptionsResult.Fail(exception.Errors.Select(error => $"{TgeClassifierOptions.SectionName}:{nameof(TgeClassifierOptions.RulesPath)}: {error}"));
        }
    }
}
