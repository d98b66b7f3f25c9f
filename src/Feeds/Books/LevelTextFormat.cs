namespace TgeSwarm.Feeds.Books;

/// <summary>Writes a decimal's part of a checksum string; returns the bytes written.</summary>
internal delegate int DecimalTextWriter(decimal value, Span<byte> destination);

/// <summary>
/// How a venue's checksum string spells one level: the price part (with any separator that follows it) then the
/// size part. Kept apart so a size change re-formats only the size.
/// </summary>
internal sealed class LevelTextFormat(DecimalTextWriter price, DecimalTextWriter size)
{
    public DecimalTextWriter Price { get; } = price;

    public DecimalTextWriter Size { get; } = size;
}
