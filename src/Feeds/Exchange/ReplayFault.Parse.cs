using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TgeSwarm.Feeds.Exchange;

public sealed partial class ReplayFault
{
    private static readonly (ReplayFaultKind Kind, string Name)[] Names =
    [
        (ReplayFaultKind.DropDelta, "drop-delta"),
        (ReplayFaultKind.CorruptQuantity, "corrupt-qty"),
        (ReplayFaultKind.DuplicateFrame, "duplicate"),
        (ReplayFaultKind.Close, "close"),
        (ReplayFaultKind.Silence, "silence"),
    ];

    /// <summary>The grammar <see cref="TryParse"/> reads, for usage messages.</summary>
    public const string Syntax =
        "KIND:N or KIND:p=P, optionally @venue; KIND is drop-delta, corrupt-qty[:non-numeric|negative], duplicate, close or silence:DURATION (e.g. silence:100:30s, drop-delta:p=0.01@bybit)";

    /// <summary>The command-line name of a fault kind (<c>drop-delta</c>, <c>corrupt-qty</c>, …).</summary>
    public static string NameOf(ReplayFaultKind kind) => Array.Find(Names, n => n.Kind == kind).Name ?? kind.ToString();

    /// <summary>
    /// Reads <c>drop-delta:5</c>, <c>drop-delta:p=0.01</c>, <c>corrupt-qty:3:negative</c>, <c>duplicate:10</c>,
    /// <c>close:200</c>, <c>silence:100:30s</c> (durations in ms, s or m), each optionally ending in <c>@venue</c>.
    /// Only the syntax is checked here; <see cref="ReplayExchangeOptions"/> validation checks the values.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReplayFault? fault, [NotNullWhen(false)] out string? error)
    {
        fault = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"empty fault: expected {Syntax}";
            return false;
        }

        var body = text.Trim();
        Venue? venue = null;
        var at = body.LastIndexOf('@');
        if (at >= 0)
        {
            if (!VenueNames.TryParse(body[(at + 1)..], out venue))
            {
                error = $"fault '{text}': unknown venue '{body[(at + 1)..]}', expected one of {string.Join(", ", VenueNames.All)}";
                return false;
            }

            body = body[..at];
        }

        var parts = body.Split(':');
        var kind = Array.Find(Names, n => string.Equals(n.Name, parts[0], StringComparison.OrdinalIgnoreCase));
        if (kind.Name is null)
        {
            error = $"fault '{text}': unknown kind '{parts[0]}', expected {string.Join(", ", Names.Select(n => n.Name))}";
            return false;
        }

        var candidate = new ReplayFault { Kind = kind.Kind, Venue = venue };
        if (parts.Length < 2 || !TryParseWhen(parts[1], candidate))
        {
            error = $"fault '{text}': expected a frame number (e.g. {kind.Name}:5) or a probability (e.g. {kind.Name}:p=0.01) after '{kind.Name}:'";
            return false;
        }

        if (!TryParseArgument(parts, candidate, out error))
        {
            error = $"fault '{text}': {error}";
            return false;
        }

        fault = candidate;
        return true;
    }

    private static bool TryParseWhen(string when, ReplayFault fault)
    {
        if (when.StartsWith("p=", StringComparison.OrdinalIgnoreCase))
        {
            if (!double.TryParse(when.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var probability))
            {
                return false;
            }

            fault.Probability = probability;
            return true;
        }

        if (!long.TryParse(when, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }

        fault.At = position;
        return true;
    }

    private static bool TryParseArgument(string[] parts, ReplayFault fault, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (fault.Kind)
        {
            case ReplayFaultKind.Silence when parts.Length == 3:
                if (TryParseDuration(parts[2], out var duration))
                {
                    fault.Duration = duration;
                    return true;
                }

                error = $"'{parts[2]}' is not a duration (e.g. 500ms, 30s, 2m)";
                return false;
            case ReplayFaultKind.Silence:
                error = "silence needs a duration: silence:N:30s";
                return false;
            case ReplayFaultKind.CorruptQuantity when parts.Length == 3:
                if (string.Equals(parts[2], "negative", StringComparison.OrdinalIgnoreCase))
                {
                    fault.Corruption = QuantityCorruption.Negative;
                    return true;
                }

                if (string.Equals(parts[2], "non-numeric", StringComparison.OrdinalIgnoreCase))
                {
                    fault.Corruption = QuantityCorruption.NonNumeric;
                    return true;
                }

                error = $"'{parts[2]}' is not a corruption: expected non-numeric or negative";
                return false;
            case var _ when parts.Length > 2:
                error = $"unexpected '{string.Join(':', parts[2..])}'";
                return false;
            default:
                return true;
        }
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var (digits, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, double.NaN);
        if (double.IsNaN(scale) || !double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(value * scale);
        return true;
    }
}
