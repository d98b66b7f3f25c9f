using System.Diagnostics.CodeAnalysis;

namespace TgeSwarm.Feeds;

/// <summary>The lower-case names venues go by on the command line and in normalised events.</summary>
public static class VenueNames
{
    private static readonly (Venue Venue, string Name)[] s_names =
    [
        (Venue.Binance, "binance"),
        (Venue.Coinbase, "coinbase"),
        (Venue.Bybit, "bybit"),
        (Venue.KrakenV1, "kraken"),
        (Venue.KrakenV2, "kraken-v2"),
        (Venue.Okx, "okx"),
    ];

    /// <summary>Every accepted name, for usage messages.</summary>
    public static IEnumerable<string> All => s_names.Select(static n => n.Name);

    public static string Name(Venue venue) => s_names.First(n => n.Venue == venue).Name;

    /// <summary>Case-insensitive; <c>kraken-v1</c> is accepted as an alias of <c>kraken</c>.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out Venue? venue)
    {
        if (string.Equals(name, "kraken-v1", StringComparison.OrdinalIgnoreCase))
        {
            venue = Venue.KrakenV1;
            return true;
        }

        foreach (var (candidate, candidateName) in s_names)
        {
            if (string.Equals(candidateName, name, StringComparison.OrdinalIgnoreCase))
            {
                venue = candidate;
                return true;
            }
        }

        venue = null;
        return false;
    }
}
