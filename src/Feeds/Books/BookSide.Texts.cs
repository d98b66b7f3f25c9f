using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Books;

internal sealed partial class BookSide
{
    // Longest text a writer may produce for one decimal: 29 digits with sign, point, leading "0." and a separator.
    private const int MaxDecimalText = 40;

    // Only books whose venue sends checksums get these: per level, the CRC and length of its checksum text and of
    // its price part (LevelTextKey), computed the first time a checksum reaches the level and kept, moving with it;
    // a size change drops the level's key, not the price's. A level then costs a checksum four table loads (Crc32.Combine) instead of
    // formatting its decimals and hashing the text, and a size change formats one decimal.
    private LevelTextKey[]? _texts;
    private LevelTextFormat? _textFormat;

    /// <summary>
    /// The CRC register after <paramref name="crc"/> took in the checksum text of the level at <paramref name="rank"/>
    /// (below <see cref="Count"/>) as <paramref name="format"/> spells it.
    /// </summary>
    public uint AppendLevelText(uint crc, int rank, LevelTextFormat format)
    {
        var texts = Texts(format);
        var index = _end - 1 - rank;
        var known = texts[index].Level;
        return known != 0 ? Crc32.Combine(crc, (uint)known, (int)(known >> 32)) : AppendNewText(crc, index, format);
    }

    /// <summary>
    /// <see cref="AppendLevelText"/> for the ranks from <paramref name="from"/> up to <paramref name="to"/>, writing the
    /// register after each rank into <paramref name="after"/> (from its start).
    /// </summary>
    public uint AppendLevelTexts(uint crc, int from, int to, LevelTextFormat format, Span<uint> after)
    {
        var texts = Texts(format);
        for (var rank = from; rank < to; rank++)
        {
            var index = _end - 1 - rank;
            var known = texts[index].Level;
            crc = known != 0 ? Crc32.Combine(crc, (uint)known, (int)(known >> 32)) : AppendNewText(crc, index, format);
            after[rank - from] = crc;
        }

        return crc;
    }

    private LevelTextKey[] Texts(LevelTextFormat format)
    {
        if (!ReferenceEquals(format, _textFormat) || _texts is null)
        {
            _texts = new LevelTextKey[_levels.Length];
            _textFormat = format;
        }

        return _texts;
    }

    private uint AppendNewText(uint crc, int index, LevelTextFormat format)
    {
        Span<byte> text = stackalloc byte[2 * MaxDecimalText];
        var level = _levels[index];
        var priceKey = _texts![index].Price;
        if (priceKey == 0)
        {
            var priceLength = format.Price(level.Price, text);
            if (priceLength is 0 or > Crc32.MaxCombinedLength)
            {
                return Crc32.Append(crc, text[..(priceLength + format.Size(level.Size, text[priceLength..]))]);
            }

            priceKey = Key(Crc32.Append(0, text[..priceLength]), priceLength);
        }

        var sizeLength = format.Size(level.Size, text);
        var length = (int)(priceKey >> 32) + sizeLength;
        var own = Crc32.Append((uint)priceKey, text[..sizeLength]);
        if (length > Crc32.MaxCombinedLength)
        {
            _texts[index] = new LevelTextKey(0, priceKey);
            return Crc32.Append(Crc32.Combine(crc, (uint)priceKey, (int)(priceKey >> 32)), text[..sizeLength]);
        }

        _texts[index] = new LevelTextKey(Key(own, length), priceKey);
        return Crc32.Combine(crc, own, length);
    }

    private static ulong Key(uint crc, int length) => ((ulong)length << 32) | crc;

    private void ForgetSizeText(int index)
    {
        if (_texts is not null)
        {
            _texts[index] = _texts[index] with { Level = 0 };
        }
    }

    private void ForgetText(int index)
    {
        if (_texts is not null)
        {
            _texts[index] = default;
        }
    }

    private void ForgetTexts(int index, int count)
    {
        if (_texts is not null)
        {
            Array.Clear(_texts, index, count);
        }
    }

    private void MoveTexts(int from, int to, int count)
    {
        if (_texts is not null)
        {
            _texts.AsSpan(from, count).CopyTo(_texts.AsSpan(to));
        }
    }

    private void ReallocateTexts(int capacity)
    {
        if (_texts is not null)
        {
            Array.Resize(ref _texts, capacity);
        }
    }
}
