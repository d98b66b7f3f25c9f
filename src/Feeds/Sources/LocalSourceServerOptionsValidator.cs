using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Sources.Server;

namespace TgeSwarm.Feeds.Sources;

/// <summary>Checks <see cref="LocalSourceServerOptions"/> at start: ids unique and path-safe, seeds that exist, sane bounds, faults on known sources.</summary>
public sealed class LocalSourceServerOptionsValidator : IValidateOptions<LocalSourceServerOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalSourceServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"Port must be 0..65535 (was {options.Port}).");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in options.Sources)
        {
            ValidateSource(source, ids, failures);
        }

        foreach (var fault in options.Faults)
        {
            if (!ids.Contains(fault.SourceId))
            {
                failures.Add($"Fault {fault.Kind} names source '{fault.SourceId}', which is not configured.");
            }

            failures.AddRange(SourceFaults.Problems(fault));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSource(LocalSourceOptions source, HashSet<string> ids, List<string> failures)
    {
        if (!SourcePaths.IsValidId(source.Id))
        {
            failures.Add($"Source id '{source.Id}' must be 1..100 letters, digits, '-', '_' or '.'.");
        }
        else if (!ids.Add(source.Id))
        {
            failures.Add($"Source id '{source.Id}' is configured twice.");
        }

        if (!Enum.IsDefined(source.Kind))
        {
            failures.Add($"Source '{source.Id}' has unknown kind {source.Kind}.");
        }

        if (source.File is not null && !File.Exists(source.File))
        {
            failures.Add($"Source '{source.Id}': file '{source.File}' does not exist.");
        }

        if (source.File is null && source.Example is not null && !ExampleItems.Names.Contains(source.Example))
        {
            failures.Add($"Source '{source.Id}': example '{source.Example}' is not embedded (known: {string.Join(", ", ExampleItems.Names)}).");
        }

        if (source.PublishEvery is { } every && every <= TimeSpan.Zero)
        {
            failures.Add($"Source '{source.Id}': PublishEvery must be positive (was {every}).");
        }

        if (source.PageSize is < 1 or > 10_000)
        {
            failures.Add($"Source '{source.Id}': PageSize must be 1..10000 (was {source.PageSize}).");
        }
    }
}
