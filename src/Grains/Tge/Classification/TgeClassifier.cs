using System.Text;
using System.Text.RegularExpressions;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// Decides whether one announcement or news item announces a TGE (DESIGN.md, "What counts as a TGE event").
/// <para>
/// The rules are data (<see cref="TgeRules"/>, CLASSIFIER.md) and run in a fixed order, cheapest verdict first:
/// <list type="number">
/// <item>Vetoes. Look-alikes (perpetuals, tokenized stocks, earn/margin additions, delistings, rebrands, upgrades,
/// maintenance, promotions, "TGE" the Polish power exchange, Apple's AirDrop…) end the decision: an exchange writes
/// "Will List" for a futures contract too, so a veto must beat any positive phrasing. A veto may carry
/// <c>unless</c> patterns (a postponement that sets a new date for a first listing is still a listing).</item>
/// <item>Positives in priority order: the first that fires decides the kind and the base confidence. Kind-specific
/// rules (megadrop, launchpool, HODLer airdrop) come before the generic "will list".</item>
/// <item>Context. Rules marked <c>requiresContext</c> (the words "airdrop", "token launch", "TGE" in news) count
/// only when the item shows it is about crypto: a symbol in a <c>Name (SYM)</c> pattern, a known venue, or a crypto
/// word; otherwise their confidence is scaled down, usually below the threshold.</item>
/// <item>Extraction of symbol, name, venue and event time, which never changes the verdict.</item>
/// </list>
/// </para>
/// <para>
/// Thread-safe after construction: the compiled rules are read-only and <see cref="Regex"/> matching is safe to
/// share, so one instance serves every call of a stateless worker. Allocation is limited to the result, its
/// reasons and the regex matches of the extraction step. Patterns run on the non-backtracking engine, linear in the
/// input, so no operator pattern can stall the stage and verdicts never depend on machine load.
/// </para>
/// </summary>
internal sealed class TgeClassifier
{
    private readonly TgeRuleSet _rules;
    private readonly TgeSymbolExtractor _symbols;
    private readonly TgeEventTimeParser _times;

    public TgeClassifier(TgeRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _symbols = new TgeSymbolExtractor(rules);
        _times = new TgeEventTimeParser(rules);
    }

    /// <summary>A classifier on the rules shipped in the assembly.</summary>
    public static TgeClassifier CreateDefault() => new(TgeRuleSetLoader.LoadDefault());

    /// <summary>A classifier on the options' rules file, or on the shipped rules when none is set.</summary>
    /// <exception cref="TgeRulesException">The rules file is unreadable or invalid.</exception>
    public static TgeClassifier Create(TgeClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.RulesPath)
            ? CreateDefault()
            : new TgeClassifier(TgeRuleSetLoader.LoadFile(options.RulesPath));
    }

    public TgeRuleSet Rules => _rules;

    public TgeClassification Classify(string title, string? summary = null, DateTimeOffset? published = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        title = Normalise(title);
        summary = string.IsNullOrWhiteSpace(summary) ? null : Normalise(summary);
        var text = summary is null ? title : string.Concat(title, "\n", summary);
        var reasons = new List<string>(4);

        var vetoed = Veto(title, text, reasons);
        var positive = vetoed ? null : FirstPositive(title);

        var symbol = _symbols.Extract(title);
        if (symbol.Symbol is null && summary is not null)
        {
            symbol = _symbols.Extract(summary);
        }

        var venue = Venue(title) ?? (summary is null ? null : Venue(summary));
        if (positive is null)
        {
            if (!vetoed)
            {
                reasons.Add("no-positive");
            }

            return new TgeClassification(false, TgeKind.None, symbol.Symbol, symbol.Name, venue, null, 0, reasons, symbol.Others);
        }

        reasons.Add(positive.Reason);
        var confidence = positive.Confidence;
        if (positive.RequiresContext && symbol.Symbol is null && venue is null && !AnyMatch(_rules.CryptoContext, text))
        {
            confidence *= _rules.NoContextFactor;
            reasons.Add("no-crypto-context");
        }

        if (symbol.Reason is not null)
        {
            reasons.Add(symbol.Reason);
        }

        if (venue is not null)
        {
            reasons.Add("venue:" + venue);
        }

        var isTge = confidence >= _rules.Threshold;
        var time = isTge ? _times.Parse(text, published) : TgeEventTimeParser.EventTime.None;
        if (time.Reason is not null)
        {
            reasons.Add(time.Reason);
        }

        return new TgeClassification(
            isTge, isTge ? positive.Kind : TgeKind.None, symbol.Symbol, symbol.Name, venue, time.Value, confidence, reasons, symbol.Others);
    }

    private bool Veto(string title, string text, List<string> reasons)
    {
        foreach (var veto in _rules.Vetoes)
        {
            var target = veto.WholeText ? text : title;
            if (AnyMatch(veto.Patterns, target))
            {
                if (veto.Unless.Count > 0 && AnyMatch(veto.Unless, target))
                {
                    reasons.Add(veto.Reason + ":lifted");
                    continue;
                }

                reasons.Add(veto.Reason);
                return true;
            }
        }

        return false;
    }

    private TgeRuleSet.CompiledPositive? FirstPositive(string title)
    {
        foreach (var positive in _rules.Positives)
        {
            if (AnyMatch(positive.Patterns, title))
            {
                return positive;
            }
        }

        return null;
    }

    private string? Venue(string text)
    {
        string? best = null;
        var bestIndex = int.MaxValue;
        foreach (var venue in _rules.Venues)
        {
            var match = venue.Pattern.Match(text);
            if (match.Success && match.Index < bestIndex)
            {
                best = venue.Name;
                bestIndex = match.Index;
            }
        }

        return best;
    }

    private static bool AnyMatch(IReadOnlyList<Regex> patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    // Titles arrive in NFC and NFD alike (copied from web pages); symbols such as 牛来 must compare equal either way.
    private static string Normalise(string value) =>
        value.IsNormalized(NormalizationForm.FormC) ? value.Trim() : value.Normalize(NormalizationForm.FormC).Trim();
}
