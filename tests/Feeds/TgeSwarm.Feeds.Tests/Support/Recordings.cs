namespace TgeSwarm.Feeds.Tests.Support;

/// <summary>
/// The recorded sessions embedded in TgeSwarm.Feeds (<see cref="RecordedSessions"/>: gzipped cryptofeed sample data,
/// see src/Feeds/Recordings/LICENSE.cryptofeed). Tests that need a file path (the normalize command reads a file)
/// get a copy written once per test run next to the test assembly.
/// </summary>
internal static class Recordings
{
    // Written once per process; Lazy's lock keeps parallel test classes from racing on the copy.
    private static readonly Lazy<string> Directory = new(ExtractAll);

    public static string PathOf(string file) => Path.Combine(Directory.Value, file);

    public static string Binance => PathOf("BINANCE.jsonl.gz");

    public static string Bybit => PathOf("BYBIT.jsonl.gz");

    public static string Coinbase => PathOf("COINBASE.jsonl.gz");

    public static string Kraken => PathOf("KRAKEN.jsonl.gz");

    public static string Okx => PathOf("OKX.jsonl.gz");

    public static string KrakenV2Example => PathOf("KRAKEN_V2_checksum_doc_example.json");

    /// <summary>Replays a recording into a collecting sink.</summary>
    public static (CollectingSink Sink, FeedStatistics Statistics) Replay(Venue venue, string path)
    {
        var sink = new CollectingSink();
        var replay = new Replay.RecordingReplay(venue, sink);
        using (var stream = File.OpenRead(path))
        {
            replay.Run(stream);
        }

        return (sink, replay.Statistics);
    }

    /// <summary>Replays the embedded session of <paramref name="venue"/> into a collecting sink.</summary>
    public static (CollectingSink Sink, FeedStatistics Statistics) Replay(Venue venue)
    {
        var sink = new CollectingSink();
        var replay = new Replay.RecordingReplay(venue, sink);
        using (var stream = RecordedSessions.Open(venue))
        {
            replay.Run(stream);
        }

        return (sink, replay.Statistics);
    }

    /// <summary>The recording's lines, decompressed, for tests that edit the stream.</summary>
    public static List<string> Lines(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    public static (CollectingSink Sink, FeedStatistics Statistics) ReplayLines(Venue venue, IEnumerable<string> lines)
    {
        var sink = new CollectingSink();
        var replay = new Replay.RecordingReplay(venue, sink);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        replay.Run(stream);
        return (sink, replay.Statistics);
    }

    private static string ExtractAll()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Recordings");
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in RecordedSessions.Files)
        {
            // Written under a unique name and moved into place, so a reader never sees half a file.
            var partial = Path.Combine(directory, $"{file}.{Guid.NewGuid():N}.partial");
            using (var source = RecordedSessions.OpenFile(file))
            using (var target = File.Create(partial))
            {
                source.CopyTo(target);
            }

            File.Move(partial, Path.Combine(directory, file), overwrite: true);
        }

        return directory;
    }
}
