namespace TgeSwarm.Feeds.Replay;

/// <summary>The kind of one line of a cryptofeed v3 recording (<c>"t"</c>).</summary>
internal enum RecordedLineKind
{
    Other,
    Header,
    Http,
    Connect,
    Send,
    Receive,

    /// <summary>A line that is a bare venue frame rather than a recording envelope (e.g. Kraken's v2 documentation example).</summary>
    RawFrame,
}

/// <summary>One line of a recording; <see cref="Data"/> is the unescaped frame or body, valid until the next line is read.</summary>
internal readonly ref struct RecordedLine(RecordedLineKind kind, string? connection, string? address, double receivedSeconds, ReadOnlySpan<byte> data)
{
    public RecordedLineKind Kind { get; } = kind;

    public string? Connection { get; } = connection;

    /// <summary><c>url</c> of an http line, <c>addr</c> of a connect line.</summary>
    public string? Address { get; } = address;

    /// <summary>The recorder's receive time, Unix seconds.</summary>
    public double ReceivedSeconds { get; } = receivedSeconds;

    public ReadOnlySpan<byte> Data { get; } = data;

    public long ReceivedMicros => (long)Math.Round(ReceivedSeconds * 1_000_000);
}
