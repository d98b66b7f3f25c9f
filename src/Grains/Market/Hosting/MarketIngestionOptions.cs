using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>
/// The ingestion shards a silo starts when it becomes active (section <c>Market:Ingestion</c>). Starting a shard is
/// idempotent, so every silo of a cluster may carry the same list; the queen will take this over.
/// </summary>
internal sealed class MarketIngestionOptions
{
    public const string SectionName = "Market:Ingestion";

    /// <summary>
    /// How often a started shard's reminder ticks. The tick reactivates the shard wherever its key is placed after its
    /// silo was lost, so this bounds how long a shard stays down when nothing else calls it. Default 1 minute; the
    /// reminder service refuses periods below its <c>MinimumReminderPeriod</c> (also 1 minute by default).
    /// </summary>
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shards by key (<c>venue#n</c>).</summary>
    public Dictionary<string, IngestionShardOptions> Shards { get; } = new(StringComparer.Ordinal);
}

/// <summary>One shard's settings as configured; see <see cref="IngestionShardSettings"/>.</summary>
internal sealed class IngestionShardOptions
{
    public string Venue { get; set; } = "";

    public string WebSocketUrl { get; set; } = "";

    public string? RestUrl { get; set; }

    public List<string> Instruments { get; } = [];

    public bool Trades { get; set; } = true;

    public bool Books { get; set; } = true;

    public int? BookDepth { get; set; }

    public string? TradeChannel { get; set; }

    public IngestionShardSettings ToSettings() => new(Venue, WebSocketUrl, RestUrl, [.. Instruments], Trades, Books, BookDepth, TradeChannel);
}
