using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Books;

internal sealed partial class BookSide
{
    // Longest text a writer may produce for one decimal: 29 digits with sign, point, leading "0." and a separator.
    private const int MaxDecimalText = 40;

    // Only books whose venue sends checksums get these. Per level, a "text key": the CRC of its checksum text from a
    // zero register (low 32 bits) and the text's length (above; 0: not known yet), for the whole level and for its
    // price part, computed the first time a checksum reaches the level and kept, moving with it; a size change drops
    // the level's key, not the price's. A level then costs a checksum four table loads (Crc32.Combine) instead of
    // formatting its decimals and hashing the text, and a size change formats one decimal.
    private ulong[]? _texts;
    private ulong[]? _priceTexts;
    private LevelTextFormat? _textFormat;

    /// <summary>
    /// The CRC register after <paramref name="crc"/> took in the checksum text of the level at <paramref name="rank"/>
    /// (below <see cref="Count"/>) as <paramref name="format"/> spells it.
    /// </summary>
    public uint AppendLevelText(uint crc, int rank, LevelTextFormat format)
    {
        if (!ReferenceEquals(format, _textFormat) || _texts is null)
        {
            _texts = new ulong[_prices.Length];
            _priceTexts = new ulong[_prices.Length];
            _textFormat = format;
        }

        var index = _end - 1 - rank;
        var known = _texts[index];
        return known != 0 ? Crc32.Combine(crc, (uint)known, (int)(known >> 32)) : AppendNewText(crc, index, format);
    }

    private uint AppendNewText(uint crc, int index, LevelTextFormat format)
    {
        Span<byte> text = stackalloc byte[2 * MaxDecimalText];
        var priceKey = _priceTexts![index];
        if (priceKey == 0)
        {
            var priceLength = format.Price(_prices[index], text);
            if (priceLength is 0 or > Crc32.MaxCombinedLength)
            {
                return Crc32.Append(crc, text[..(priceLength + format.Size(_sizes[index], text[priceLength..]))]);
            }

            priceKey = Key(Crc32.Append(0, text[..priceLength]), priceLength);
            _priceTexts[index] = priceKey;
        }

        var sizeLength = format.Size(_sizes[index], text);
        var length = (int)(priceKey >> 32) + sizeLength;
        var own = Crc32.Append((uint)priceKey, text[..sizeLength]);
        if (length > Crc32.MaxCombinedLength)
        {
            return Crc32.Append(Crc32.Combine(crc, (uint)priceKey, (int)(priceKey >> 32)), text[..sizeLength]);
        }

        _texts![index] = Key(own, length);
        return Crc32.Combine(crc, own, length);
    }

    private static ulong Key(uint crc, int length) => ((ulong)length << 32) | crc;

    private void ForgetSizeText(int index)
    {
        if (_texts is not null)
        {
            _texts[index] = 0;
        }
    }

    private void ForgetText(int index)
    {
        if (_texts is not null && _priceTexts is not null)
        {
            _texts[index] = 0;
            _priceTexts[index] = 0;
        }
    }

    private void ForgetTexts(int index, int count)
    {
        if (_texts is not null && _priceTexts is not null)
        {
            Array.Clear(_texts, index, count);
            Array.Clear(_priceTexts, index, count);
        }
    }

    private void MoveTexts(int from, int to, int count)
    {
        if (_texts is not null && _priceTexts is not null)
        {
            _texts.AsSpan(from, count).CopyTo(_texts.AsSpan(to));
            _priceTexts.AsSpan(from, count).CopyTo(_priceTexts.AsSpan(to));
        }
    }

    private void ReallocateTexts(int capacity)
    {
        if (_texts is not null && _priceTexts is not null)
        {
            Array.Resize(ref _texts, capacity);
            Array.Resize(ref _priceTexts, capacity);
        }
    }
}
