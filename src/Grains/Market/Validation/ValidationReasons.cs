namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// Why <see cref="MarketValidator"/> refused an event: the <c>Reason</c> of a
/// <see cref="Interfaces.Market.MarketReject"/> and the metric tag. VALIDATION.md has the rules behind each.
/// </summary>
public static class ValidationReasons
{
    /// <summary>
    /// A required field is missing or impossible: empty instrument, a trade without id on a venue that sends ids,
    /// a side outside the enum, a timestamp that is not UTC microseconds, missing book sides.
    /// </summary>
    public const string Schema = "schema";

    /// <summary>A trade price, or a book level price, at or below zero.</summary>
    public const string NonPositivePrice = "non_positive_price";

    /// <summary>A trade size at or below zero; a negative book level size; a zero size in a snapshot.</summary>
    public const string NonPositiveSize = "non_positive_size";

    /// <summary>The book's top after the update has its best bid at or above its best ask.</summary>
    public const string CrossedBook = "crossed_book";

    /// <summary>The event's time is ahead of the clock by more than the allowed skew.</summary>
    public const string FutureTimestamp = "future_timestamp";

    /// <summary>The event's time is older than the allowed age.</summary>
    public const string StaleTimestamp = "stale_timestamp";

    /// <summary>An instrument outside the configured list.</summary>
    public const string UnknownInstrument = "unknown_instrument";

    /// <summary>A trade price move far outside the instrument's recent moves (robust z-score).</summary>
    public const string PriceAnomaly = "price_anomaly";

    /// <summary>Every reason, in the order the checks run.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Schema, UnknownInstrument, NonPositivePrice, NonPositiveSize, CrossedBook, FutureTimestamp, StaleTimestamp, PriceAnomaly,
    ];
}
