using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class GrainCollectionOptionsValidator : IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        var failures = new List<string>();
        Positive(options.CollectionAge, nameof(options.CollectionAge));
        Positive(options.CollectionQuantum, nameof(options.CollectionQuantum));
        Positive(options.ActivationTimeout, nameof(options.ActivationTimeout));
        Positive(options.DeactivationTimeout, nameof(options.DeactivationTimeout));
        foreach (var (grainType, age) in options.ClassSpecificCollectionAge)
        {
            Positive(age, $"{nameof(options.ClassSpecificCollectionAge)}[{grainType}]");
        }

        if (options.CollectionAge < options.CollectionQuantum)
        {
            failures.Add($"{nameof(GrainCollectionOptions)}.{nameof(options.CollectionAge)} ({options.CollectionAge}) must not be shorter than {nameof(options.CollectionQuantum)} ({options.CollectionQuantum}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(TimeSpan value, string property)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{nameof(GrainCollectionOptions)}.{property} must be positive, not {value}.");
            }
        }
    }
}
