using System.Security.Cryptography;
using System.Text;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>Picks an item's stable id: the source's own id, else the link, else a hash of title and date.</summary>
internal static class ItemIds
{
    public static string Choose(string? sourceId, Uri? link, string title, DateTimeOffset? published)
    {
        var trimmed = sourceId?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            return trimmed.Length <= 512 ? trimmed : Hash(trimmed);
        }

        if (link is not null)
        {
            return link.AbsoluteUri;
        }

        // No id and no link: the same title at the same time is the same item, which is what re-polls must see.
        return Hash(title + "|" + published?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Hash(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
