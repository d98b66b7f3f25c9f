using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// Validated, compiled rules: every pattern a <see cref="Regex"/> built once, so classifying shares them across
/// threads (Regex is thread-safe for matching) and allocates nothing for the rules themselves.
/// </summary>
internal sealed class TgeRuleSet
{
    public required string Source { get; init; }

    public required double Threshold { get; init; }

    public required double NoContextFactor { get; init; }

    public required IReadOnlyList<CompiledVeto> Vetoes { get; init; }

    public required IReadOnlyList<CompiledPositive> Positives { get; init; }

    public required IReadOnlyList<Regex> CryptoContext { get; init; }

    public required IReadOnlyList<CompiledVenue> Venues { get; init; }

    public required IReadOnlyList<CompiledSymbol> Symbols { get; init; }

    public required FrozenSet<string> SymbolStopList { get; init; }

    public required FrozenSet<string> NameStopWords { get; init; }

    public required FrozenDictionary<string, TimeSpan> TimeZones { get; init; }

    internal sealed record CompiledVeto(string Reason, bool WholeText, IReadOnlyList<Regex> Patterns, IReadOnlyList<Regex> Unless);

    internal sealed record CompiledPositive(string Reason, TgeKind Kind, double Confidence, bool RequiresContext, IReadOnlyList<Regex> Patterns);

    internal sealed record CompiledVenue(string Name, Regex Pattern);

    internal sealed record CompiledSymbol(string Reason, Regex Pattern, bool HasName);
}
