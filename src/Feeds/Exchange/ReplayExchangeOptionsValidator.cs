using System.Net;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Feeds.Exchange;

internal sealed class ReplayExchangeOptionsValidator : IValidateOptions<ReplayExchangeOptions>
{
    private const string Section = ReplayExchangeOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ReplayExchangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateVenues(failures, options.Venues);
        if (options.Port < 0 || options.Port + Math.Max(options.Venues.Count - 1, 0) > IPEndPoint.MaxPort)
        {
            failures.Add($"{Section}:{nameof(options.Port)} must leave one port per venue between 0 and {IPEndPoint.MaxPort} (was {options.Port} for {options.Venues.Count} venues).");
        }

        if (!double.IsFinite(options.Speed) || options.Speed < 0)
        {
            failures.Add($"{Section}:{nameof(options.Speed)} must be 0 (as fast as possible) or a positive factor of recorded time (was {options.Speed}).");
        }

        if (options.SubscribeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(options.SubscribeTimeout)} must be positive (was {options.SubscribeTimeout}).");
        }

        if (options.SubscribeSettle < TimeSpan.Zero || options.SubscribeSettle > options.SubscribeTimeout)
        {
            failures.Add($"{Section}:{nameof(options.SubscribeSettle)} must be between 0 and {nameof(options.SubscribeTimeout)} (was {options.SubscribeSettle}).");
        }

        for (var i = 0; i < options.Faults.Count; i++)
        {
            ValidateFault(failures, $"{Section}:{nameof(options.Faults)}:{i}", options.Faults[i], options.Venues);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateVenues(List<string> failures, IList<Venue> venues)
    {
        if (venues.Count == 0)
        {
            failures.Add($"{Section}:{nameof(ReplayExchangeOptions.Venues)} must name at least one of {Recorded()}.");
        }

        foreach (var venue in venues)
        {
            if (!Enum.IsDefined(venue))
            {
                failures.Add($"{Section}:{nameof(ReplayExchangeOptions.Venues)} holds an unknown venue ({(int)venue}).");
            }
            else if (!RecordedSessions.IsAvailable(venue))
            {
                failures.Add($"{Section}:{nameof(ReplayExchangeOptions.Venues)}: {VenueNames.Name(venue)} has no recorded session; recorded: {Recorded()}.");
            }
        }

        foreach (var duplicate in venues.GroupBy(v => v).Where(g => g.Count() > 1))
        {
            failures.Add($"{Section}:{nameof(ReplayExchangeOptions.Venues)} names {duplicate.Key} {duplicate.Count()} times.");
        }
    }

    private static void ValidateFault(List<string> failures, string path, ReplayFault? fault, IList<Venue> venues)
    {
        if (fault is null)
        {
            failures.Add($"{path} is empty.");
            return;
        }

        if (!Enum.IsDefined(fault.Kind))
        {
            failures.Add($"{path}:{nameof(fault.Kind)} is unknown ({(int)fault.Kind}).");
        }

        var byPosition = fault.At > 0;
        var byChance = fault.Probability is > 0 and <= 1;
        if (byPosition == byChance || fault.At < 0 || fault.Probability < 0 || fault.Probability > 1 || double.IsNaN(fault.Probability))
        {
            failures.Add($"{path} ({fault}) needs exactly one of {nameof(fault.At)} ≥ 1 or 0 < {nameof(fault.Probability)} ≤ 1 (was {fault.At} and {fault.Probability}).");
        }

        if (fault.Kind == ReplayFaultKind.Silence && fault.Duration <= TimeSpan.Zero)
        {
            failures.Add($"{path} ({fault}): a silence needs a positive {nameof(fault.Duration)}.");
        }

        if (fault.FirstConnections < 0)
        {
            failures.Add($"{path}:{nameof(fault.FirstConnections)} must be 0 (every connection) or positive (was {fault.FirstConnections}).");
        }

        if (fault.Venue is { } venue && !venues.Contains(venue))
        {
            failures.Add($"{path} ({fault}) names {VenueNames.Name(venue)}, which is not served.");
        }
    }

    private static string Recorded() => string.Join(", ", RecordedSessions.Available.Select(VenueNames.Name));
}
