using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Validation;

internal sealed partial class MarketValidator
{
    /// <summary>Whether <paramref name="book"/> may pass; if not, the <see cref="ValidationReasons"/> code why.</summary>
    public bool TryValidate(BookUpdate book, [NotNullWhen(false)] out string? reason) => TryValidate(book, out reason, out _);

    /// <summary>As <see cref="TryValidate(BookUpdate, out string?)"/>, with a readable detail for the reject record.</summary>
    public bool TryValidate(BookUpdate book, [NotNullWhen(false)] out string? reason, [NotNullWhen(false)] out string? detail)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!TryCheckBookFields(book, out reason, out detail)
            || !TryCheckLevels(book.Bids, "bid", book.IsSnapshot, out reason, out detail)
            || !TryCheckLevels(book.Asks, "ask", book.IsSnapshot, out reason, out detail)
            || !TryCheckTop(book.Top, out reason, out detail)
            || !TryCheckTime(book.Timestamp, out reason, out detail))
        {
            return Reject(reason, detail, out reason, out detail);
        }

        Statistics.BookAccepted();
        return true;
    }

    private bool TryCheckBookFields(BookUpdate book, [NotNullWhen(false)] out string? reason, [NotNullWhen(false)] out string? detail)
    {
        (reason, detail) = book switch
        {
            { Instrument: null or "" } => (ValidationReasons.Schema, "missing instrument"),

            // Non-nullable in the model, but a stream event comes from a serializer, not from our constructor call.
            { Bids: null } or { Asks: null } => (ValidationReasons.Schema, "missing book side"),
            { Timestamp: < MarketTimestamps.MinPlausible } => (ValidationReasons.Schema, string.Create(CultureInfo.InvariantCulture, $"timestamp {book.Timestamp} is not UTC microseconds since 2000")),
            _ when !IsKnownInstrument(book.Instrument) => (ValidationReasons.UnknownInstrument, $"instrument {book.Instrument} is not configured"),
            _ => (null, null),
        };
        return reason is null;
    }

    /// <summary>Prices must be positive; sizes not negative, and in a snapshot (which lists only levels that exist) positive.</summary>
    private static bool TryCheckLevels(IReadOnlyList<PriceLevel> levels, string side, bool snapshot, [NotNullWhen(false)] out string? reason, [NotNullWhen(false)] out string? detail)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Price <= 0)
            {
                reason = ValidationReasons.NonPositivePrice;
                detail = string.Create(CultureInfo.InvariantCulture, $"{side} level {i}: price {level.Price}");
                return false;
            }

            if (level.Size < 0 || (snapshot && level.Size == 0))
            {
                reason = ValidationReasons.NonPositiveSize;
                detail = string.Create(CultureInfo.InvariantCulture, $"{side} level {i}: size {level.Size}{(snapshot ? " in a snapshot" : string.Empty)}");
                return false;
            }
        }

        reason = null;
        detail = null;
        return true;
    }

    private static bool TryCheckTop(BookTop top, [NotNullWhen(false)] out string? reason, [NotNullWhen(false)] out string? detail)
    {
        if (top.IsCrossed)
        {
            reason = ValidationReasons.CrossedBook;
            detail = string.Create(CultureInfo.InvariantCulture, $"best bid {top.BestBid} at or above best ask {top.BestAsk}");
            return false;
        }

        reason = null;
        detail = null;
        return true;
    }
}
