using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// The keyword stage's verdict on one announcement or news item: whether it announces a TGE, of which kind, and
/// what it names. Rules and their tuning: <c>src/Grains/Tge/Classification/CLASSIFIER.md</c>.
/// </summary>
/// <param name="IsTge">Whether the item announces a new token's first arrival to market.</param>
/// <param name="Kind">The kind of event; <see cref="TgeKind.None"/> when <paramref name="IsTge"/> is false.</param>
/// <param name="Symbol">The token symbol as written (NFC-normalised, upper case for Latin letters), from a
/// <c>Name (SYM)</c> or pair pattern only, never guessed from free text; null when none was found.</param>
/// <param name="Name">The project name written before the symbol, when there is one.</param>
/// <param name="Venue">The canonical venue name (<c>Binance</c>, <c>OKX</c>, …) the item names, when it names one.</param>
/// <param name="EventTime">When the event happens (trading opens, the pool starts), with its zone resolved to an
/// offset; a date without a time of day is midnight of that date in UTC.</param>
/// <param name="Confidence">0..1: how sure the rules are that the item is a TGE (0 for a vetoed look-alike).</param>
/// <param name="Reasons">The ids of the rules that fired, in the order they were applied.</param>
/// <param name="OtherSymbols">Further symbols when one item announces several tokens (empty otherwise).</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeClassification(
    [property: Id(0)] bool IsTge,
    [property: Id(1)] TgeKind Kind,
    [property: Id(2)] string? Symbol,
    [property: Id(3)] string? Name,
    [property: Id(4)] string? Venue,
    [property: Id(5)] DateTimeOffset? EventTime,
    [property: Id(6)] double Confidence,
    [property: Id(7)] IReadOnlyList<string> Reasons,
    [property: Id(8)] IReadOnlyList<string> OtherSymbols);
