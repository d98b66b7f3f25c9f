namespace TgeSwarm.Feeds.Books;

/// <summary>Writes one level's part of a venue's checksum string; returns the bytes written.</summary>
internal delegate int LevelTextWriter(decimal price, decimal size, Span<byte> destination);

internal sealed partial class BookSide
{
    // Longest cached level text; a longer one (decimals beyond 19 digits) is formatted every time instead.
    private const int TextStride = 48;

    // Only books whose venue sends checksums get these: each level's checksum text, formatted the first time a
    // checksum reaches the level and kept, moving with it, until its size changes. An update then formats one or two
    // levels instead of the whole top of the book.
    private byte[]? _texts;
    private byte[]? _textLengths;

    /// <summary>
    /// The checksum text of the level at <paramref name="rank"/> as <paramref name="writer"/> formats it (one writer
    /// per side: <see cref="ForgetTexts()"/> before using another); <paramref name="scratch"/> holds a text too long
    /// to keep.
    /// </summary>
    public ReadOnlySpan<byte> LevelText(int rank, LevelTextWriter writer, Span<byte> scratch)
    {
        var index = Index(rank);
        if (_texts is null || _textLengths is null)
        {
            _texts = new byte[_prices.Length * TextStride];
            _textLengths = new byte[_prices.Length];
        }

        var slot = _texts.AsSpan(index * TextStride, TextStride);
        var known = _textLengths[index];
        if (known > 0)
        {
            return slot[..known];
        }

        var length = writer(_prices[index], _sizes[index], scratch);
        if (length > TextStride)
        {
            return scratch[..length];
        }

        scratch[..length].CopyTo(slot);
        _textLengths[index] = (byte)length;
        return slot[..length];
    }

    /// <summary>Drops every kept text (the next checksum formats the levels again).</summary>
    public void ForgetTexts()
    {
        _texts = null;
        _textLengths = null;
    }

    private void ForgetText(int index)
    {
        if (_textLengths is not null)
        {
            _textLengths[index] = 0;
        }
    }

    private void ForgetTexts(int index, int count)
    {
        if (_textLengths is not null)
        {
            Array.Clear(_textLengths, index, count);
        }
    }

    private void MoveTexts(int from, int to, int count)
    {
        if (_texts is not null && _textLengths is not null)
        {
            Array.Copy(_texts, from * TextStride, _texts, to * TextStride, count * TextStride);
            Array.Copy(_textLengths, from, _textLengths, to, count);
        }
    }

    private void ReallocateTexts(int capacity)
    {
        if (_texts is not null && _textLengths is not null)
        {
            Array.Resize(ref _texts, capacity * TextStride);
            Array.Resize(ref _textLengths, capacity);
        }
    }
}
