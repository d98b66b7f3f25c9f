namespace TgeSwarm.Feeds;

/// <summary>
/// The recorded exchange sessions shipped inside this assembly (cryptofeed sample data, XFree86 licence in
/// <c>LICENSE.cryptofeed</c> beside them): one gzipped JSON-lines session per venue that has one, plus the files
/// that describe them. Nothing here reads the file system, so every host and test sees the same bytes.
/// </summary>
public static class RecordedSessions
{
    private const string ResourcePrefix = "TgeSwarm.Feeds.Recordings.";

    private static readonly (Venue Venue, string File)[] Sessions =
    [
        (Venue.Binance, "BINANCE.jsonl.gz"),
        (Venue.Coinbase, "COINBASE.jsonl.gz"),
        (Venue.Bybit, "BYBIT.jsonl.gz"),
        (Venue.KrakenV1, "KRAKEN.jsonl.gz"),
        (Venue.Okx, "OKX.jsonl.gz"),
    ];

    /// <summary>Venues with a recorded session. Kraken WS v2 has none: only its documented checksum example.</summary>
    public static IReadOnlyList<Venue> Available { get; } = Array.ConvertAll(Sessions, static s => s.Venue);

    /// <summary>Every embedded file name: the sessions, <c>expected_counts.json</c>, <c>KRAKEN_V2_checksum_doc_example.json</c>, <c>LICENSE.cryptofeed</c>.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        .. Sessions.Select(static s => s.File),
        "expected_counts.json",
        "KRAKEN_V2_checksum_doc_example.json",
        "LICENSE.cryptofeed",
    ];

    public static bool IsAvailable(Venue venue) => Array.Exists(Sessions, s => s.Venue == venue);

    /// <summary>The embedded file name of <paramref name="venue"/>'s session, e.g. <c>BINANCE.jsonl.gz</c>.</summary>
    /// <exception cref="ArgumentException">The venue has no recorded session.</exception>
    public static string FileName(Venue venue)
    {
        foreach (var (candidate, file) in Sessions)
        {
            if (candidate == venue)
            {
                return file;
            }
        }

        throw new ArgumentException($"No recorded session for {VenueNames.Name(venue)}; recorded: {string.Join(", ", Available.Select(VenueNames.Name))}.", nameof(venue));
    }

    /// <summary>The venue's session, gzip-compressed JSON lines (<see cref="Replay.RecordingReplay"/> reads it as is).</summary>
    /// <exception cref="ArgumentException">The venue has no recorded session.</exception>
    public static Stream Open(Venue venue) => OpenFile(FileName(venue));

    /// <summary>One embedded file by name (see <see cref="Files"/>), as stored (sessions stay gzipped).</summary>
    /// <exception cref="FileNotFoundException">No embedded file has that name.</exception>
    public static Stream OpenFile(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return typeof(RecordedSessions).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new FileNotFoundException($"No embedded recording file '{fileName}'; embedded: {string.Join(", ", Files)}.", fileName);
    }
}
