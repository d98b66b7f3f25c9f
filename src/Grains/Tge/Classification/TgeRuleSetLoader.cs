using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// Reads rules (the embedded defaults or an operator's file), validates every field and compiles the patterns.
/// Every problem is collected before throwing, so one run of the loader lists everything wrong with a file.
/// </summary>
internal static class TgeRuleSetLoader
{
    /// <summary>Name of the embedded default rules (Rules/tge-rules.json).</summary>
    public const string EmbeddedName = "TgeSwarm.Grains.Tge.Classification.Rules.tge-rules.json";

    /// <exception cref="TgeRulesException">The embedded rules are invalid (a build defect).</exception>
    public static TgeRuleSet LoadDefault()
    {
        using var stream = typeof(TgeRuleSetLoader).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new TgeRulesException($"embedded rules {EmbeddedName} are missing from the assembly");
        return Load(stream, "embedded:tge-rules.json");
    }

    /// <exception cref="TgeRulesException">The file cannot be read, is not JSON of the rules' shape, or fails validation.</exception>
    public static TgeRuleSet LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new TgeRulesException($"{path}: cannot read the rules file: {exception.Message}", exception);
        }
    }

    /// <exception cref="TgeRulesException">The JSON is malformed or fails validation.</exception>
    public static TgeRuleSet Load(Stream json, string source)
    {
        TgeRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize(json, TgeRulesJsonContext.Default.TgeRules);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $"line {line + 1}, " : "";
            throw new TgeRulesException($"{source}: {where}{exception.Path ?? "$"}: {exception.Message}", exception);
        }

        if (rules is null)
        {
            throw new TgeRulesException($"{source}: the rules document is empty (null)");
        }

        return Compile(rules, source);
    }

    private static TgeRuleSet Compile(TgeRules rules, string source)
    {
        var errors = new List<string>();
        var context = new Problems(source, errors);
        if (rules.Version != 1)
        {
            context.Add("(document)", "version", $"must be 1 (was {rules.Version})");
        }

        context.Fraction("(document)", "threshold", rules.Threshold);
        context.Fraction("(document)", "noContextFactor", rules.NoContextFactor);

        var vetoes = CompileVetoes(rules.Vetoes ?? [], context);
        var positives = CompilePositives(rules.Positives ?? [], context);
        var crypto = context.Patterns("cryptoContext", "cryptoContext", rules.CryptoContext, caseSensitive: false);
        var venues = (rules.Venues ?? []).Where(venue => venue is not null).Select((venue, index) =>
        {
            var id = string.IsNullOrWhiteSpace(venue.Name) ? $"venues[{index}]" : venue.Name;
            context.Required(id, "name", venue.Name);
            return new TgeRuleSet.CompiledVenue(venue.Name, context.Pattern(id, "pattern", venue.Pattern, caseSensitive: false));
        }).ToList();
        var symbols = (rules.Symbols ?? []).Where(symbol => symbol is not null).Select((symbol, index) =>
        {
            var id = context.Id(symbol.Id, "symbols", index);
            var regex = context.Pattern(id, "pattern", symbol.Pattern, caseSensitive: true);
            if (regex.GroupNumberFromName("sym") < 0)
            {
                context.Add(id, "pattern", "must have a named group (?<sym>…) holding the symbol");
            }

            return new TgeRuleSet.CompiledSymbol("symbol:" + id, regex, regex.GroupNumberFromName("name") >= 0);
        }).ToList();
        var zones = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (zone, offset) in rules.TimeZones ?? new Dictionary<string, string>())
        {
            if (!TryParseOffset(offset, out var value))
            {
                context.Add("timeZones", zone, $"offset '{offset}' is not of the form +hh:mm or -hh:mm within ±14:00");
            }

            zones[zone] = value;
        }

        if (positives.Count == 0)
        {
            context.Add("positives", "positives", "at least one positive rule is needed");
        }

        if (errors.Count > 0)
        {
            throw new TgeRulesException(errors);
        }

        return new TgeRuleSet
        {
            Source = source,
            Threshold = rules.Threshold,
            NoContextFactor = rules.NoContextFactor,
            Vetoes = vetoes,
            Positives = positives,
            CryptoContext = crypto,
            Venues = venues,
            Symbols = symbols,
            SymbolStopList = (rules.SymbolStopList ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            NameStopWords = (rules.NameStopWords ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            TimeZones = zones.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private static List<TgeRuleSet.CompiledVeto> CompileVetoes(IReadOnlyList<TgeVetoRule> rules, Problems context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var compiled = new List<TgeRuleSet.CompiledVeto>(rules.Count);
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            if (rule is null)
            {
                context.Add($"vetoes[{index}]", "(rule)", "is null");
                continue;
            }

            var id = context.Id(rule.Id, "vetoes", index);
            context.Unique(ids, id);
            var wholeText = rule.Scope switch
            {
                "title" => false,
                "text" => true,
                _ => context.Add(id, "scope", $"must be 'title' or 'text' (was '{rule.Scope}')"),
            };
            if (rule.Patterns is null || rule.Patterns.Count == 0)
            {
                context.Add(id, "patterns", "at least one pattern is needed");
            }

            compiled.Add(new TgeRuleSet.CompiledVeto(
                "veto:" + id,
                wholeText,
                context.Patterns(id, "patterns", rule.Patterns, rule.CaseSensitive),
                context.Patterns(id, "unless", rule.Unless, rule.CaseSensitive)));
        }

        return compiled;
    }

    private static List<TgeRuleSet.CompiledPositive> CompilePositives(IReadOnlyList<TgePositiveRule> rules, Problems context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var compiled = new List<TgeRuleSet.CompiledPositive>(rules.Count);
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            if (rule is null)
            {
                context.Add($"positives[{index}]", "(rule)", "is null");
                continue;
            }

            var id = context.Id(rule.Id, "positives", index);
            context.Unique(ids, id);
            if (!Enum.TryParse<TgeKind>(rule.Kind, ignoreCase: true, out var kind) || kind == TgeKind.None
                || !Enum.IsDefined(kind) || int.TryParse(rule.Kind, CultureInfo.InvariantCulture, out _))
            {
                context.Add(id, "kind", $"must be one of listing, launchpool, launchpad, megadrop, airdrop, tge, sale (was '{rule.Kind}')");
            }

            context.Fraction(id, "confidence", rule.Confidence);
            if (rule.Patterns is null || rule.Patterns.Count == 0)
            {
                context.Add(id, "patterns", "at least one pattern is needed");
            }

            compiled.Add(new TgeRuleSet.CompiledPositive(
                "kind:" + kind.ToString().ToLowerInvariant() + ":" + id,
                kind,
                rule.Confidence,
                rule.RequiresContext,
                context.Patterns(id, "patterns", rule.Patterns, rule.CaseSensitive)));
        }

        return compiled;
    }

    private static bool TryParseOffset(string? text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is null || text.Length != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':'
            || !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes >= 60 || hours * 60 + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    /// <summary>Collects validation problems as "source: rule 'id' field 'name': problem".</summary>
    private sealed class Problems(string source, List<string> errors)
    {
        public bool Add(string rule, string field, string problem)
        {
            errors.Add($"{source}: rule '{rule}' field '{field}': {problem}");
            return false;
        }

        public string Id(string id, string list, int index)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Add($"{list}[{index}]", "id", "is required");
                return $"{list}[{index}]";
            }

            return id;
        }

        public void Unique(HashSet<string> ids, string id)
        {
            if (!ids.Add(id))
            {
                Add(id, "id", "is used by more than one rule");
            }
        }

        public void Required(string rule, string field, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(rule, field, "is required");
            }
        }

        public void Fraction(string rule, string field, double value)
        {
            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                Add(rule, field, $"must be between 0 and 1 (was {value.ToString(CultureInfo.InvariantCulture)})");
            }
        }

        public List<Regex> Patterns(string rule, string field, IReadOnlyList<string>? patterns, bool caseSensitive)
        {
            // An absent or null list in the JSON arrives as null despite the model's non-nullable declaration.
            patterns ??= [];
            var compiled = new List<Regex>(patterns.Count);
            for (var index = 0; index < patterns.Count; index++)
            {
                compiled.Add(Pattern(rule, $"{field}[{index}]", patterns[index], caseSensitive));
            }

            return compiled;
        }

        public Regex Pattern(string rule, string field, string pattern, bool caseSensitive)
        {
            if (string.IsNullOrEmpty(pattern))
            {
                Add(rule, field, "is an empty pattern");
                return Never;
            }

            // The non-backtracking engine matches in time linear in the input whatever an operator writes, so no
            // pattern can stall a stateless worker and no match timeout is needed (a timeout would make verdicts
            // depend on machine load). The price: no lookarounds or backreferences, refused here as invalid patterns.
            var options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;
            if (!caseSensitive)
            {
                options |= RegexOptions.IgnoreCase;
            }

            try
            {
                return new Regex(pattern, options);
            }
            catch (ArgumentException exception)
            {
                Add(rule, field, $"'{pattern}' is not a valid regular expression: {exception.Message}");
                return Never;
            }
        }

        private static readonly Regex Never = new("[^\\s\\S]", RegexOptions.NonBacktracking);
    }
}
