using System.Globalization;
using System.Text.RegularExpressions;

namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>
/// Reads token symbols and the project name before them. A symbol only ever comes from a rule's pattern (a
/// <c>Name (SYM)</c> or a <c>SYM/USDT</c> pair), never from free text, because one-letter and common-word tickers
/// (A, S, ME, GAS, OPEN) would otherwise be found in every sentence.
/// </summary>
internal sealed class TgeSymbolExtractor(TgeRuleSet rules)
{
    private const int MaxNameWords = 6;

    /// <summary>The symbols found in <paramref name="text"/> by the first rule that finds any, in order of appearance.</summary>
    public SymbolMatch Extract(string text)
    {
        foreach (var rule in rules.Symbols)
        {
            string? first = null;
            string? name = null;
            List<string>? others = null;
            for (var match = rule.Pattern.Match(text); match.Success; match = match.NextMatch())
            {
                var symbolGroup = match.Groups["sym"];
                var symbol = symbolGroup.ValueSpan;
                if (!IsSymbol(symbol))
                {
                    continue;
                }

                var normalised = symbol.ToString().ToUpperInvariant();
                if (first is null)
                {
                    first = normalised;
                    name = rule.HasName && match.Groups["name"].Success
                        ? match.Groups["name"].Value.Trim()
                        : NameBefore(text.AsSpan(0, match.Index));
                }
                else if (normalised != first && (others is null || !others.Contains(normalised)))
                {
                    (others ??= []).Add(normalised);
                }
            }

            if (first is not null)
            {
                return new SymbolMatch(first, string.IsNullOrEmpty(name) ? null : name, others ?? (IReadOnlyList<string>)[], rule.Reason);
            }
        }

        return SymbolMatch.None;
    }

    private bool IsSymbol(ReadOnlySpan<char> symbol)
    {
        // A date or a number in parentheses, "(2026-09-06)" or "(1)", is never a ticker: a symbol holds a letter.
        var hasLetter = false;
        foreach (var c in symbol)
        {
            if (char.IsLetter(c))
            {
                hasLetter = true;
                break;
            }
        }

        return hasLetter && !rules.SymbolStopList.GetAlternateLookup<ReadOnlySpan<char>>().Contains(symbol);
    }

    /// <summary>
    /// The project name: the capitalised words right before the symbol, read backwards until a stop word
    /// ("List", "Introducing", a venue), a lower-case word or punctuation that ends a clause.
    /// </summary>
    private string? NameBefore(ReadOnlySpan<char> prefix)
    {
        var stopWords = rules.NameStopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var end = prefix.TrimEnd().Length;
        var start = end;
        var words = 0;
        while (start > 0 && words < MaxNameWords)
        {
            var wordEnd = start;
            while (wordEnd > 0 && char.IsWhiteSpace(prefix[wordEnd - 1]))
            {
                wordEnd--;
            }

            var wordStart = wordEnd;
            while (wordStart > 0 && !char.IsWhiteSpace(prefix[wordStart - 1]))
            {
                wordStart--;
            }

            var word = prefix[wordStart..wordEnd];
            if (word.IsEmpty || !StartsName(word) || stopWords.Contains(word.TrimEnd(":,;!—-")) || EndsClause(word))
            {
                break;
            }

            start = wordStart;
            words++;
        }

        return start < end ? prefix[start..end].Trim().ToString() : null;
    }

    private static bool StartsName(ReadOnlySpan<char> word)
    {
        var category = char.GetUnicodeCategory(word[0]);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            || (word.Length > 1 && category == UnicodeCategory.LowercaseLetter && char.IsUpper(word[1]));
    }

    private static bool EndsClause(ReadOnlySpan<char> word) => word[^1] is ':' or ',' or ';' or '!' or '|' or '—' or '-';

    internal readonly record struct SymbolMatch(string? Symbol, string? Name, IReadOnlyList<string> Others, string? Reason)
    {
        public static SymbolMatch None => new(null, null, [], null);
    }
}
