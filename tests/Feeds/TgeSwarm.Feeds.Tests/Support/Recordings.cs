namespace TgeSwarm.Feeds.Tests.Support;

/// <summary>The recorded sessions copied into Data/ (gzipped cryptofeed sample data, see Data/LICENSE.cryptofeed).</summary>
internal static class Recordings
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

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
}
