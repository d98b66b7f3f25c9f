namespace TgeSwarm.Silo.Market;

/// <summary>
/// The replay exchange the embedded default runs in-process (section <c>Market:Replay</c>): the recorded sessions
/// served on 127.0.0.1, looped, with ingestion shards subscribed to them, so the pipeline has live-looking input
/// without the internet.
/// </summary>
internal sealed class MarketReplayOptions
{
    public const string SectionName = "Market:Replay";

    /// <summary>Serve the recordings and start shards on them. Default: on for the embedded default, off in a cluster.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Multiple of recorded time (1 = as recorded, 10 = ten times faster, 0 = as fast as possible). Default 1.</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>Venues to replay (binance, coinbase, bybit, kraken, okx). Default: all five.</summary>
    public List<string> Venues { get; } = [];
}
