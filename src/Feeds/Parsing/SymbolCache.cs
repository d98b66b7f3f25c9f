namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// Raw venue symbol bytes to the normalised instrument string, so the hot path allocates no string per message and
/// every message of one symbol carries the same string instance (which later stages compare by reference first).
/// </summary>
/// <remarks>
/// A hash lookup on the bytes, after one comparison with the previous message's symbol (runs of one symbol are
/// common: a burst of one book's diffs). It was a linear scan, right for a handful of symbols; a connection with 50
/// symbols sharing one quote currency (and so one length and last byte) compared about 25 of them in full per
/// message, the largest single item of the small-frame pipeline's profile.
/// </remarks>
internal sealed class SymbolCache
{
    private readonly Func<string, string> _normalise;
    private readonly Dictionary<byte[], string> _entries;
    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private byte[] _lastRaw = [];
    private string? _lastInstrument;

    public SymbolCache(Func<string, string> normalise)
    {
        _normalise = normalise;
        _entries = new Dictionary<byte[], string>(Utf8BytesComparer.Instance);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public string Get(ReadOnlySpan<byte> raw)
    {
        if (_lastInstrument is not null && raw.SequenceEqual(_lastRaw))
        {
            return _lastInstrument;
        }

        if (!_lookup.TryGetValue(raw, out var key, out var instrument))
        {
            key = raw.ToArray();
            instrument = _normalise(System.Text.Encoding.UTF8.GetString(raw));
            _entries.Add(key, instrument);
        }

        _lastRaw = key;
        _lastInstrument = instrument;
        return instrument;
    }
}
