using TgeSwarm.Feeds.Tests.Support;
using TgeSwarm.Feeds.Venues.Binance;

namespace TgeSwarm.Feeds.Tests.Venues;

public sealed class BinanceAlignmentTests
{
    [Fact]
    public void Recording_drops_the_diffs_the_snapshots_already_contain_and_applies_the_rest_in_order()
    {
        var (sink, statistics) = Recordings.Replay(Venue.Binance, Recordings.Binance);

        // NKNUSDT 750-752 (u = lastUpdateId), BLZETH 627, LRCBTC 536-539 and 540-543, RUNEEUR 510-511.
        Assert.Equal(5, statistics.MessageTypes["depthUpdate/stale"]);
        Assert.Equal(4, sink.Books.Count(b => b.IsSnapshot));
        var nkn = sink.Books.Where(b => b.Instrument == "NKN-USDT").ToList();
        Assert.True(nkn[0].IsSnapshot);
        Assert.All(nkn.Skip(1), b => Assert.False(b.IsSnapshot));
    }

    [Fact]
    public void First_diff_bridging_the_snapshot_is_applied_and_a_later_jump_is_a_gap()
    {
        var sync = new BinanceBookSync("NKN-USDT");
        Assert.Equal(BinanceBookSync.Outcome.Buffered, sync.OnDiff(Diff(95, 99)));
        Assert.Equal(BinanceBookSync.Outcome.Buffered, sync.OnDiff(Diff(100, 103)));
        var applied = new List<(BinanceDepthDiff, BinanceBookSync.Outcome)>();

        Assert.Equal(BinanceBookSync.Outcome.Applied, sync.OnSnapshot(101, [new(1m, 2m)], [new(3m, 4m)], applied));

        Assert.Equal([BinanceBookSync.Outcome.Stale, BinanceBookSync.Outcome.Applied], applied.Select(a => a.Item2));
        Assert.Equal(103, sync.Book.LastSequence);
        Assert.Equal(BinanceBookSync.Outcome.Applied, sync.OnDiff(Diff(104, 104)));
        Assert.Equal(BinanceBookSync.Outcome.Stale, sync.OnDiff(Diff(100, 104)));
        Assert.Equal(BinanceBookSync.Outcome.Gap, sync.OnDiff(Diff(106, 107)));
        Assert.False(sync.Book.IsSynced);
    }

    [Fact]
    public void Snapshot_older_than_the_first_buffered_diff_is_refused()
    {
        var sync = new BinanceBookSync("NKN-USDT");
        sync.OnDiff(Diff(200, 201));

        Assert.Equal(BinanceBookSync.Outcome.SnapshotTooOld, sync.OnSnapshot(150, [], [], []));
        Assert.False(sync.Book.IsSynced);
    }

    private static BinanceDepthDiff Diff(long first, long final) => new("NKN-USDT", 0, first, final, [new(1m, 1m)], []);
}
