using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// The keyset position of a page: the last record's first-seen time (UTC ticks) and slug, in that order of sorting.
/// Opaque to callers (base64url of <c>v1|ticks|slug</c>) so the format can change; a cursor that does not decode is
/// an <see cref="ArgumentException"/> naming <c>Cursor</c>, never a silent first page.
/// </summary>
internal readonly record struct TgeEventCursor(long FirstSeenTicks, string Slug)
{
    private const string Prefix = "v1|";

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{FirstSeenTicks}|{Slug}")));

    public DateTimeOffset FirstSeenAt => new(FirstSeenTicks, TimeSpan.Zero);

    public static TgeEventCursor Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("Cursor is not one this store handed out.", "Cursor", exception);
        }

        var parts = text.Split('|', 3);
        if (parts.Length != 3 || parts[0] != "v1"
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || parts[2].Length == 0)
        {
            throw new ArgumentException("Cursor is not one this store handed out.", "Cursor");
        }

        return new TgeEventCursor(ticks, parts[2]);
    }
}
