namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// The one instrument naming after the parsers: <c>BASE-QUOTE</c> in upper case, perpetuals with a <c>-PERP</c>
/// suffix, dated futures with their venue's expiry suffix (OKX <c>BTC-USD-220527</c>).
/// <para>
/// The parsers already split and upper-case symbols and map Kraken's legacy codes (<c>XBT</c>, <c>XDG</c>); what
/// reaches this stage differently on the recordings is OKX's perpetual swap suffix (<c>UNI-USD-SWAP</c>, Bybit's
/// perpetuals being <c>BTC-USDT-PERP</c>). The same rules apply again to every part so that a name the parsers
/// leave in another form (a slash or underscore separator, lower case, a legacy code) still ends up here in one form.
/// </para>
/// Results are cached per name, so the steady state allocates nothing. Not thread-safe.
/// </summary>
internal sealed class InstrumentNaming
{
    /// <summary>A venue has at most a few thousand instruments; beyond that, names are computed each time rather than kept.</summary>
    private const int MaxCached = 8192;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private string? _lastRaw;
    private string? _lastName;

    /// <summary>The normalised form of <paramref name="instrument"/>; the same string instance when it is already normal.</summary>
    public string Normalize(string instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);

        // Parsers intern names, so a run of one instrument's events skips even the hash lookup.
        if (ReferenceEquals(instrument, _lastRaw))
        {
            return _lastName!;
        }

        if (!_names.TryGetValue(instrument, out var name))
        {
            name = Compute(instrument);
            if (_names.Count < MaxCached)
            {
                _names.Add(instrument, name);
            }
        }

        _lastRaw = instrument;
        _lastName = name;
        return name;
    }

    private static string Compute(string instrument)
    {
        var parts = instrument.Trim().ToUpperInvariant().Split(['-', '/', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return instrument;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i < 2 ? Asset(parts[i]) : Suffix(parts[i]);
        }

        var normal = string.Join('-', parts);
        return string.Equals(normal, instrument, StringComparison.Ordinal) ? instrument : normal;
    }

    private static string Asset(string code) => code switch
    {
        "XBT" => "BTC",
        "XDG" => "DOGE",
        _ => code,
    };

    private static string Suffix(string suffix) => suffix switch
    {
        "SWAP" => "PERP",
        _ => suffix,
    };
}
