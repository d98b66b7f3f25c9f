using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// The sources and the publish schedule of the detection figure: 100 sources cycling through the six kinds (each
/// seeded with its kind's embedded example, so pages have the shape of the real ones), and listing items with
/// unique symbols at random moments over the run, each on a random source. The moments and sources come from a
/// fixed seed, so the grain phase and the baseline phase publish on the same schedule; only the symbols differ
/// (a phase letter), so neither phase's items can be taken for the other's.
/// </summary>
internal sealed class DetectionPlan
{
    public const int SourceCount = 100;

    private static readonly (SourceKind Kind, string Example)[] Kinds =
    [
        (SourceKind.BinanceCms, "binance_cms_articles.json"),
        (SourceKind.Okx, "okx_announcements.json"),
        (SourceKind.Bybit, "bybit_announcements.json"),
        (SourceKind.Rss, "news_rss.xml"),
        (SourceKind.Atom, "news_atom.xml"),
        (SourceKind.Html, "listing_page.html"),
    ];

    private DetectionPlan(TimeSpan duration, IReadOnlyList<(TimeSpan At, int Source)> moments)
    {
        Duration = duration;
        Moments = moments;
    }

    public TimeSpan Duration { get; }

    /// <summary>When (from the start of publishing) and on which source (index) each item appears, in time order.</summary>
    public IReadOnlyList<(TimeSpan At, int Source)> Moments { get; }

    public static DetectionPlan Create(TimeSpan duration, int items)
    {
        var random = new Random(6);
        var moments = Enumerable.Range(0, items)
            .Select(_ => (At: TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds), Source: random.Next(SourceCount)))
            .OrderBy(static m => m.At)
            .ToArray();
        return new DetectionPlan(duration, moments);
    }

    public static List<LocalSourceOptions> Sources() =>
    [
        .. Enumerable.Range(0, SourceCount).Select(static i => new LocalSourceOptions
        {
            Id = SourceId(i),
            Kind = Kinds[i % Kinds.Length].Kind,
            Example = Kinds[i % Kinds.Length].Example,
        }),
    ];

    public static string SourceId(int index) => $"det-{Kinds[index % Kinds.Length].Kind.ToString().ToLowerInvariant()}-{index:000}";

    /// <summary>The symbol of item <paramref name="index"/> of a phase: the phase letter, then the index in letters (ZG + AAA…).</summary>
    public static string Symbol(char phase, int index) =>
        string.Concat("Z", phase.ToString(), ((char)('A' + (index / 676 % 26))).ToString(), ((char)('A' + (index / 26 % 26))).ToString(), ((char)('A' + (index % 26))).ToString());

    public static string Title(string symbol) => $"Local Exchange Will List Bench Project {symbol} ({symbol})";

    /// <summary>Fails before anything runs when the classifier would not read a planned title as a listing of its symbol (the figure would count misses that are not the pipeline's).</summary>
    public static void Check(TgeClassifier classifier, IEnumerable<string> symbols)
    {
        foreach (var symbol in symbols)
        {
            var verdict = classifier.Classify(Title(symbol));
            if (!verdict.IsTge || verdict.Symbol != symbol)
            {
                throw new InvalidOperationException($"tge_detection: the classifier reads '{Title(symbol)}' as {(verdict.IsTge ? "a TGE" : "not a TGE")} of '{verdict.Symbol}' ({string.Join(", ", verdict.Reasons)}); pick other titles.");
            }
        }
    }
}
