using System.Text.Json;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Venues;

/// <summary>
/// Each recorded session end to end. Book and trade counts are compared with cryptofeed's expected_counts.json
/// where our normalisation matches theirs (one event per book message, one per trade).
/// </summary>
public sealed class RecordingCountsTests
{
    [Theory]
    [InlineData(Venue.Binance, "BINANCE.jsonl.gz", "BINANCE")]
    [InlineData(Venue.Bybit, "BYBIT.jsonl.gz", "BYBIT")]
    [InlineData(Venue.Coinbase, "COINBASE.jsonl.gz", "COINBASE")]
    [InlineData(Venue.KrakenV1, "KRAKEN.jsonl.gz", "KRAKEN")]
    [InlineData(Venue.Okx, "OKX.jsonl.gz", "OKX")]
    public void Book_events_match_cryptofeeds_expected_count_without_gaps_or_rejections(Venue venue, string file, string exchange)
    {
        var (_, statistics) = Recordings.Replay(venue, Recordings.PathOf(file));

        Assert.Equal(ExpectedCount(exchange, "l2_book"), statistics.Books);
        Assert.Equal(0, statistics.Gaps);
        Assert.Equal(0, statistics.Resyncs);
        Assert.Equal(0, statistics.Rejected);
        Assert.Equal(0, statistics.ChecksumFailed);
    }

    [Theory]
    [InlineData(Venue.Binance, "BINANCE.jsonl.gz", "BINANCE")]
    [InlineData(Venue.Bybit, "BYBIT.jsonl.gz", "BYBIT")]
    [InlineData(Venue.KrakenV1, "KRAKEN.jsonl.gz", "KRAKEN")]
    [InlineData(Venue.Okx, "OKX.jsonl.gz", "OKX")]
    public void Trades_match_cryptofeeds_expected_count(Venue venue, string file, string exchange)
    {
        var (sink, statistics) = Recordings.Replay(venue, Recordings.PathOf(file));

        Assert.Equal(ExpectedCount(exchange, "trades"), statistics.Trades);
        Assert.All(sink.Trades, t => Assert.True(t.Price > 0 && t.Size > 0 && t.Side != TradeSide.Unknown && t.Timestamp > 0));
    }

    [Fact]
    public void Coinbase_trades_include_the_snapshot_of_recent_trades_sent_on_subscribe()
    {
        // cryptofeed counts 79: only the updates. The 200 snapshot trades are emitted too; dedup by id is downstream's.
        var (sink, statistics) = Recordings.Replay(Venue.Coinbase, Recordings.Coinbase);

        Assert.Equal(279, statistics.Trades);
        Assert.Equal(1030, statistics.Frames);
        Assert.Equal(279, sink.Trades.Select(t => t.TradeId).Distinct().Count());
        Assert.All(sink.Trades, t => Assert.StartsWith("2026-08-09", DateTime.UnixEpoch.AddTicks(t.Timestamp * 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void Checksums_verify_on_every_Kraken_v1_and_OKX_book_message()
    {
        var (_, kraken) = Recordings.Replay(Venue.KrakenV1, Recordings.Kraken);
        var (_, okx) = Recordings.Replay(Venue.Okx, Recordings.Okx);

        Assert.Equal(4269, kraken.ChecksumOk);
        Assert.Equal(290, okx.ChecksumOk);
        Assert.Equal(0, kraken.ChecksumFailed + okx.ChecksumFailed);
    }

    [Fact]
    public void Kraken_v2_documentation_example_checksum_verifies()
    {
        var (sink, statistics) = Recordings.Replay(Venue.KrakenV2, Recordings.KrakenV2Example);

        Assert.Equal(1, statistics.ChecksumOk);
        var book = Assert.Single(sink.Books);
        Assert.Equal("BTC-USD", book.Instrument);
        Assert.Equal(45283.5m, book.Bids[0].Price);
        Assert.Equal("0.10000000", book.Bids[0].Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Venue.Binance, "BINANCE.jsonl.gz")]
    [InlineData(Venue.Bybit, "BYBIT.jsonl.gz")]
    [InlineData(Venue.Coinbase, "COINBASE.jsonl.gz")]
    [InlineData(Venue.KrakenV1, "KRAKEN.jsonl.gz")]
    [InlineData(Venue.Okx, "OKX.jsonl.gz")]
    public void Books_rebuilt_from_the_events_start_with_a_snapshot_and_never_cross(Venue venue, string file)
    {
        var sink = new BookCheckingSink();
        using (var stream = File.OpenRead(Recordings.PathOf(file)))
        {
            new Replay.RecordingReplay(venue, sink).Run(stream);
        }

        Assert.NotEmpty(sink.Books);
        Assert.Equal(0, sink.DeltasBeforeSnapshot);
        Assert.Equal(0, sink.Crossed);
    }

    private static long ExpectedCount(string exchange, string kind)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Recordings.PathOf("expected_counts.json")));
        return document.RootElement.GetProperty(exchange).GetProperty(kind).GetInt64();
    }
}
