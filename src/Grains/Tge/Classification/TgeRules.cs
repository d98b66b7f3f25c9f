namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// The classifier's rules and word lists as operators write them (JSON, format in CLASSIFIER.md). Plain data:
/// <see cref="TgeRuleSetLoader"/> validates it and compiles it into a <see cref="TgeRuleSet"/>. Settable rather than
/// init-only: the JSON source generator assigns default to an absent init-only member, which would erase the defaults
/// below; a JSON <c>null</c> list is still possible and the loader treats it as empty.
/// </summary>
internal sealed class TgeRules
{
    public int Version { get; set; }

    /// <summary>An item is a TGE when its confidence reaches this (0..1).</summary>
    public double Threshold { get; set; } = 0.5;

    /// <summary>Multiplies the confidence of a rule that requires crypto context when the item has none.</summary>
    public double NoContextFactor { get; set; } = 0.4;

    /// <summary>Look-alike patterns; any that fires makes the item a non-TGE, whatever else it says.</summary>
    public IReadOnlyList<TgeVetoRule> Vetoes { get; set; } = [];

    /// <summary>TGE patterns in priority order: the first that fires decides the kind.</summary>
    public IReadOnlyList<TgePositiveRule> Positives { get; set; } = [];

    /// <summary>Patterns showing the item is about crypto (chains, exchanges, token words).</summary>
    public IReadOnlyList<string> CryptoContext { get; set; } = [];

    public IReadOnlyList<TgeVenueRule> Venues { get; set; } = [];

    /// <summary>Where a symbol may come from, in order; each pattern has a <c>sym</c> group and may have a <c>name</c> group.</summary>
    public IReadOnlyList<TgeSymbolRule> Symbols { get; set; } = [];

    /// <summary>Parenthesised words that are never symbols (time zones, "Seed Tag", …).</summary>
    public IReadOnlyList<string> SymbolStopList { get; set; } = [];

    /// <summary>Words that end a project name when reading backwards from its symbol ("List", "Introducing", …).</summary>
    public IReadOnlyList<string> NameStopWords { get; set; } = [];

    /// <summary>Zone abbreviations and their UTC offsets ("+08:00").</summary>
    public IReadOnlyDictionary<string, string> TimeZones { get; set; } = new Dictionary<string, string>();
}
