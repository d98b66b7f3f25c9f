using System.Globalization;
using System.Text;

namespace TgeSwarm.Grains.Tge.Keywords;

/// <summary>
/// The token slug, the key of a token's event grain and record (EVENTS.md, "Slug"). From a symbol: NFKC (<see cref="Fold"/>, so
/// full-width <c>ＰＥＮＧＵ</c> and <c>PENGU</c> agree), lower case, every <c>$</c> dropped (<c>$PENGU</c>), and
/// nothing else kept but letters and digits. From a project name when no symbol was found: NFKC, lower case, each
/// run of anything but letters and digits one <c>-</c> (<c>Pudgy Penguins!</c> → <c>pudgy-penguins</c>). Both are
/// bounded to <see cref="MaxLength"/>; an input with no letter or digit has no slug.
/// </summary>
internal static class TgeSlugs
{
    public const int MaxLength = 64;

    public static string? FromSymbol(string? symbol) => Normalise(symbol, separator: false);

    public static string? FromName(string? name) => Normalise(name, separator: true);

    /// <summary>Whether <paramref name="slug"/> has the shape either function produces.</summary>
    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength || slug[0] == '-' || slug[^1] == '-')
        {
            return false;
        }

        var previousDash = false;
        for (var i = 0; i < slug.Length; i++)
        {
            var c = slug[i];
            if (c == '-')
            {
                if (previousDash)
                {
                    return false;
                }

                previousDash = true;
                continue;
            }

            previousDash = false;
            if (!IsKept(slug, i) || char.ToLowerInvariant(c) != c)
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return true;
    }

    private static string? Normalise(string? value, bool separator)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Fold(value).ToLowerInvariant();
        var slug = new StringBuilder(Math.Min(text.Length, MaxLength));
        var pendingDash = false;
        for (var i = 0; i < text.Length && slug.Length < MaxLength; i++)
        {
            if (IsKept(text, i))
            {
                if (pendingDash && slug.Length > 0 && slug.Length < MaxLength - 1)
                {
                    slug.Append('-');
                }

                pendingDash = false;
                var width = char.IsHighSurrogate(text[i]) ? 2 : 1;
                if (slug.Length + width > MaxLength)
                {
                    break;
                }

                slug.Append(text, i, width);
                i += width - 1;
            }
            else if (separator && text[i] != '$')
            {
                pendingDash = true;
            }
        }

        return slug.Length == 0 ? null : slug.ToString();
    }

    /// <summary>
    /// NFKC, and then full-width forms (U+FF01–U+FF5E) folded to ASCII and the ideographic space to a space by hand:
    /// the silo runs with invariant globalization, where <see cref="string.Normalize(NormalizationForm)"/> leaves
    /// non-ASCII text as it is, and full-width symbols (<c>ＰＥＮＧＵ</c>) are the compatibility forms that matter here.
    /// </summary>
    public static string Fold(string value)
    {
        var text = value.Normalize(NormalizationForm.FormKC);
        var wide = false;
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E' or '\u3000')
            {
                wide = true;
                break;
            }
        }

        if (!wide)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }

    private static bool IsKept(string text, int index)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
