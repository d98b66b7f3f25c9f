namespace TgeSwarm.Feeds.Books;

/// <summary>
/// The CRC32 register after each level position of a book's checksum string, so the next checksum restarts at the
/// first position an update changed instead of at the start (most updates of a deep book leave the top untouched).
/// </summary>
internal sealed class ChecksumState(int positions)
{
    /// <summary>Register value after the first i positions; [0] is the CRC's initial value.</summary>
    public uint[] Prefix { get; } = CreatePrefix(positions);

    /// <summary>Positions whose <see cref="Prefix"/> entry still matches the book.</summary>
    public int Valid { get; set; }

    public int Positions => Prefix.Length - 1;

    private static uint[] CreatePrefix(int positions)
    {
        var prefix = new uint[positions + 1];
        prefix[0] = Parsing.Crc32.Initial;
        return prefix;
    }
}
