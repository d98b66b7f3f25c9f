namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// Raw venue symbol bytes to the normalised instrument string, so the hot path allocates no string per message.
/// A feed sees a handful of symbols, so a linear scan beats hashing the bytes.
/// </summary>
internal sealed class SymbolCache(Func<string, string> normalise)
{
    private readonly List<(byte[] Raw, string Instrument)> _entries = [];

    public string Get(ReadOnlySpan<byte> raw)
    {
        foreach (var (known, instrument) in _entries)
        {
            // The last byte tells most symbols of a feed apart before a full comparison.
            if (raw.Length == known.Length && (raw.IsEmpty || raw[^1] == known[^1]) && raw.SequenceEqual(known))
            {
                return instrument;
            }
        }

        var name = normalise(System.Text.Encoding.UTF8.GetString(raw));
        _entries.Add((raw.ToArray(), name));
        return name;
    }
}
