using System.Text;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// How alike two titles are, 0..1: the Jaccard index of their word sets after NFKC, lower case and punctuation
/// removal. Word sets, not edit distance, because re-issued announcements reorder and re-punctuate ("Binance Will
/// List Foo (FOO)" → "Binance will list FOO – Foo") far more often than they misspell; words of one character are
/// ignored so a stray "a" or "&amp;" does not move the score.
/// </summary>
internal static class TgeTitleSimilarity
{
    public static double Of(string left, string right)
    {
        var a = Words(left);
        var b = Words(right);
        if (a.Count == 0 || b.Count == 0)
        {
            return string.Equals(left, right, StringComparison.Ordinal) ? 1 : 0;
        }

        var shared = 0;
        foreach (var word in a)
        {
            if (b.Contains(word))
            {
                shared++;
            }
        }

        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string> Words(string title)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var text = Keywords.TgeSlugs.Fold(title).ToLowerInvariant();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            Flush(words, word);
        }

        Flush(words, word);
        return words;
    }

    private static void Flush(HashSet<string> words, StringBuilder word)
    {
        if (word.Length > 1)
        {
            words.Add(word.ToString());
        }

        word.Clear();
    }
}
