using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Grains.Tge.Keywords;

/// <summary>
/// What the keyword grain does to one item, apart from the grain: classify it, count a negative by its reason, and
/// turn a positive into one candidate per token it names. Thread-safe (the classifier is), so one instance serves
/// every worker activation of a silo.
/// <para>
/// An item that names several tokens ("Binance Will List A (AAA) and B (BBB)") fans out: the first symbol keeps the
/// classifier's verdict as it is; every further one gets a copy with its own symbol and no project name (the name
/// was read in front of the first symbol only). A positive that names neither a symbol nor a project has no slug
/// to go to: it is counted as <c>no-token</c> and dropped.
/// </para>
/// </summary>
internal sealed class TgeKeywordStage(TgeClassifier classifier, TgeDetectionInstruments instruments)
{
    public const string NoToken = "no-token";
    public const string NoPositive = "no-positive";
    public const string LowConfidence = "low-confidence";

    public TgeClassification Classify(TgeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return classifier.Classify(item.Title, item.Summary, item.Published);
    }

    /// <summary>Appends the candidates of <paramref name="item"/> to <paramref name="candidates"/>; returns how many.</summary>
    public int Candidates(TgeItem item, DateTimeOffset now, List<TgeCandidate> candidates)
    {
        var verdict = Classify(item);
        if (!verdict.IsTge)
        {
            instruments.Negative(NegativeReason(verdict));
            return 0;
        }

        var before = candidates.Count;
        if (TgeSlugs.FromSymbol(verdict.Symbol) is { } first)
        {
            candidates.Add(new TgeCandidate(first, item, verdict, now));
            foreach (var other in verdict.OtherSymbols)
            {
                if (TgeSlugs.FromSymbol(other) is { } slug && !Contains(candidates, before, slug))
                {
                    candidates.Add(new TgeCandidate(slug, item, verdict with { Symbol = other, Name = null }, now));
                }
            }
        }
        else if (TgeSlugs.FromName(verdict.Name) is { } named)
        {
            candidates.Add(new TgeCandidate(named, item, verdict, now));
        }
        else
        {
            instruments.Negative(NoToken);
        }

        return candidates.Count - before;
    }

    /// <summary>The veto that fired (its rule id, <c>veto:&lt;id&gt;</c>), else why no positive counted.</summary>
    public static string NegativeReason(TgeClassification verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        foreach (var reason in verdict.Reasons)
        {
            if (reason.StartsWith("veto:", StringComparison.Ordinal) && !reason.EndsWith(":lifted", StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return verdict.Reasons.Contains(NoPositive) ? NoPositive : LowConfidence;
    }

    private static bool Contains(List<TgeCandidate> candidates, int from, string slug)
    {
        for (var i = from; i < candidates.Count; i++)
        {
            if (string.Equals(candidates[i].TokenSlug, slug, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
