using System.Buffers;
using System.Globalization;

namespace TgeSwarm.Silo.Api.Market;

/// <summary>Checks of the market endpoints' route and query values, each failure worded for the field it names.</summary>
internal static class MarketQuery
{
    public const int MaxNameLength = 64;
    public const int DefaultInterval = 60;
    public const int MaxInterval = 86_400;
    public const int DefaultCount = 100;
    public const int MaxCount = 1_000;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./");

    public static void Name(Dictionary<string, string[]> errors, string field, string? value, string example)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = [$"{field} is required (e.g. {example})."];
        }
        else if (value.Length > MaxNameLength || value.AsSpan().ContainsAnyExcept(NameCharacters))
        {
            errors[field] = [$"{field} must be at most {MaxNameLength} letters, digits, '-', '_', '.' or '/' (e.g. {example})."];
        }
    }

    public static int Integer(Dictionary<string, string[]> errors, string field, string? value, int fallback, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 && parsed <= max)
        {
            return parsed;
        }

        errors[field] = [$"{field} must be a whole number from 1 to {max} (was '{value}')."];
        return fallback;
    }
}
