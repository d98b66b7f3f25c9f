using System.Globalization;
using System.Text.Json;
using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime;
using static TgeSwarm.Grains.Tests.Market.Validation.TestMarketEvents;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>
/// The validation grain shares what its price check learned in memory namespace <c>market.anomalies</c> and a fresh
/// activation of the venue takes it back, so its first trades are checked; the memory failing never stops validation.
/// </summary>
public sealed class AnomalySharingTests : IAsyncLifetime
{
    private const int ShareFailed = 5112;
    private const int Recalled = 5114;
    private const int RecallFailed = 5115;
    private const int FindingIgnored = 5116;

    private static readonly TimeSpan ShareInterval = TimeSpan.FromSeconds(30);

    private AnomalySharingSilo _silo = null!;
    private int _nextId;

    public async Task InitializeAsync() => _silo = await AnomalySharingSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IMemoryGrain Memory => _silo.Memory;

    [Fact]
    public async Task After_enough_trades_and_one_tick_the_instruments_baseline_is_in_memory_under_venue_and_instrument()
    {
        var trades = Walk(Venue.Binance, "BTC-USDT", 100, seed: 3);
        var stats = await _silo.ValidateAsync(Venue.Binance, trades);
        Assert.Equal(100, stats.EventsOut);
        Assert.Null(await Memory.GetAsync("binance:BTC-USDT", CancellationToken.None));

        _silo.Time.Advance(ShareInterval);
        var entry = await Eventually.ReadAsync(() => Memory.GetAsync("binance:BTC-USDT", CancellationToken.None), e => e is not null);

        Assert.NotNull(entry);
        var expected = LearnedBaseline(trades, "BTC-USDT");
        Assert.Equal(AnomalyFindings.Writer, entry.UpdatedBy);
        Assert.Equal(_silo.Time.GetUtcNow(), entry.UpdatedAt);
        Assert.Equal(TimeSpan.FromHours(1), entry.ExpiresAt - entry.UpdatedAt);
        using var value = JsonDocument.Parse(entry.Value);
        var root = value.RootElement;
        Assert.Equal(expected.Median, root.GetProperty("median").GetDouble());
        Assert.Equal(expected.Scale, root.GetProperty("scale").GetDouble());
        Assert.Equal(99, root.GetProperty("moves").GetInt32());
        Assert.Equal(12, root.GetProperty("threshold").GetDouble());
        Assert.Equal(entry.UpdatedAt, root.GetProperty("learnedAt").GetDateTimeOffset());
        Assert.True(expected.Scale > 0);
    }

    [Fact]
    public async Task A_fresh_activation_of_the_venue_rejects_a_spike_within_warm_up_because_it_recalled_the_baseline()
    {
        await _silo.ValidateAsync(Venue.Binance, Walk(Venue.Binance, "BTC-USDT", 100, seed: 4));
        _silo.Time.Advance(ShareInterval);
        var shared = await Eventually.ReadAsync(() => Memory.GetAsync("binance:BTC-USDT", CancellationToken.None), e => e is not null);
        Assert.NotNull(shared);

        // Past the 15-minute collection age the idle venue is collected: its share timer keeps nothing alive.
        var management = _silo.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var advanced = 0;
        var remaining = await Eventually.ReadAsync(
            async () =>
            {
                if (advanced < 25)
                {
                    advanced++;
                    _silo.Time.Advance(TimeSpan.FromMinutes(1));
                }

                return await management.GetActivations("validation", 10);
            },
            activations => activations.Count == 0);
        Assert.True(remaining.Count == 0, $"validation/binance was not collected within {advanced} minutes of the fake clock");
        Assert.NotNull(await Memory.GetAsync("binance:BTC-USDT", CancellationToken.None));

        // The next activation reads the venue's entries beside its subscription; wait for that before trading.
        Assert.Equal(0, (await _silo.Validation(Venue.Binance).GetStatisticsAsync(CancellationToken.None)).EventsIn);
        var recalled = await _silo.LoggedAsync(Recalled, 2, "the second activation's recall");
        Assert.Contains("baselines of 1 instruments", recalled[1], StringComparison.Ordinal);

        var after = await _silo.ValidateAsync(Venue.Binance, [Trade(100m, id: "fresh-1"), Trade(120m, id: "fresh-2")]);
        var control = await _silo.ValidateAsync(Venue.Okx, [Trade(100m, id: "fresh-1", venue: Venue.Okx), Trade(120m, id: "fresh-2", venue: Venue.Okx)]);

        Assert.Equal((2, 1), (after.EventsIn, after.EventsOut));
        Assert.Equal(1, after.Dropped[ValidationReasons.PriceAnomaly]);
        Assert.Equal((2, 2), (control.EventsIn, control.EventsOut));
    }

    [Fact]
    public async Task An_entry_that_cannot_seed_is_ignored_and_the_good_ones_beside_it_still_seed()
    {
        var learnedAt = _silo.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await Memory.SetAsync("okx:BTC-USDT", "[1,2]", TimeSpan.FromHours(1), null, "operator", CancellationToken.None);
        await Memory.SetAsync("okx:SOL-USDT", $$"""{"median":0,"scale":0,"moves":200,"threshold":12,"learnedAt":"{{learnedAt}}"}""", TimeSpan.FromHours(1), null, "operator", CancellationToken.None);
        await Memory.SetAsync("okx:ETH-USDT", $$"""{"median":0,"scale":0.001,"moves":200,"threshold":12,"learnedAt":"{{learnedAt}}"}""", TimeSpan.FromHours(1), null, AnomalyFindings.Writer, CancellationToken.None);

        await _silo.Validation(Venue.Okx).GetStatisticsAsync(CancellationToken.None);
        var recalled = await _silo.LoggedAsync(Recalled, 1, "the recall");

        Assert.Contains("baselines of 1 instruments", recalled[0], StringComparison.Ordinal);
        Assert.Contains("(2 entries ignored)", recalled[0], StringComparison.Ordinal);
        var ignored = _silo.Logs.Messages(FindingIgnored);
        Assert.Equal(2, ignored.Count);
        Assert.Contains(ignored, m => m.Contains("okx:BTC-USDT", StringComparison.Ordinal));
        Assert.Contains(ignored, m => m.Contains("okx:SOL-USDT", StringComparison.Ordinal) && m.Contains("scale", StringComparison.Ordinal));

        // The ignored instruments warm up unchecked; the seeded one checks its second trade.
        Assert.Empty((await _silo.ValidateAsync(Venue.Okx, [Okx("BTC-USDT", 100m), Okx("BTC-USDT", 120m)])).Dropped);
        Assert.Empty((await _silo.ValidateAsync(Venue.Okx, [Okx("SOL-USDT", 10m), Okx("SOL-USDT", 12m)])).Dropped);
        var eth = await _silo.ValidateAsync(Venue.Okx, [Okx("ETH-USDT", 3000m), Okx("ETH-USDT", 3600m)]);
        Assert.Equal(1, Assert.Single(eth.Dropped).Value);
    }

    [Fact]
    public async Task A_failing_memory_coordinator_never_stops_batches_and_a_failed_share_is_retried_until_it_lands()
    {
        _silo.Storage.FailEverything = true;
        var walk = Walk(Venue.Binance, "BTC-USDT", 100, seed: 5);
        var first = await _silo.ValidateAsync(Venue.Binance, walk);
        Assert.Equal(100, first.EventsOut);
        await _silo.LoggedAsync(RecallFailed, 1, "the failed recall");

        await AdvanceUntilLoggedAsync(ShareFailed, 1, "the first failed share");
        await AdvanceUntilLoggedAsync(ShareFailed, 2, "the retried share");
        Assert.Contains("1 of 1", _silo.Logs.Messages(ShareFailed)[0], StringComparison.Ordinal);

        var more = await _silo.ValidateAsync(Venue.Binance, Walk(Venue.Binance, "BTC-USDT", 50, seed: 6, from: walk[^1].Price));
        Assert.Equal((150, 150), (more.EventsIn, more.EventsOut));

        _silo.Storage.FailEverything = false;
        var failures = _silo.Logs.Messages(ShareFailed).Count;
        var landed = await Eventually.ReadAsync(
            async () =>
            {
                _silo.Time.Advance(TimeSpan.FromSeconds(5));
                return await Memory.GetAsync("binance:BTC-USDT", CancellationToken.None);
            },
            e => e is not null);
        Assert.NotNull(landed);
        Assert.Equal(AnomalyFindings.Writer, landed.UpdatedBy);
        Assert.Equal(failures, _silo.Logs.Messages(ShareFailed).Count);
    }

    [Fact]
    public async Task A_memory_coordinator_that_never_answers_delays_no_batch_and_the_recall_gives_up_after_its_timeout()
    {
        _silo.Storage.HoldReads();
        var activated = await AnomalySharingSilo.Within(_silo.Validation(Venue.KrakenV1).GetStatisticsAsync(CancellationToken.None), "validation/kraken to activate");
        Assert.Equal(0, activated.EventsIn);

        // The recall is waiting on the memory grain's activation; the stream does not wait for the recall.
        var walk = Walk(Venue.KrakenV1, "XBT-USD", 100, seed: 7);
        var stats = await _silo.ValidateAsync(Venue.KrakenV1, walk);
        Assert.Equal(100, stats.EventsOut);
        Assert.Empty(_silo.Logs.Messages(RecallFailed));

        var steps = 0;
        var failed = await Eventually.ReadAsync(
            () =>
            {
                if (steps < 10)
                {
                    steps++;
                    _silo.Time.Advance(TimeSpan.FromMilliseconds(500));
                }

                return Task.FromResult(_silo.Logs.Messages(RecallFailed));
            },
            m => m.Count > 0);
        Assert.True(failed.Count == 1, $"the recall did not give up within {steps * 0.5} s of the fake clock");
        Assert.InRange(steps, 4, 10);
        Assert.Empty(_silo.Logs.Messages(Recalled));

        // A share tick starts writes that hang on the same activation; batches still go through meanwhile.
        _silo.Time.Advance(ShareInterval);
        var more = await _silo.ValidateAsync(Venue.KrakenV1, Walk(Venue.KrakenV1, "XBT-USD", 50, seed: 8, from: walk[^1].Price));
        Assert.Equal((150, 150), (more.EventsIn, more.EventsOut));
        Assert.Empty(_silo.Logs.Messages(ShareFailed));

        // Once the memory answers, the held write lands.
        _silo.Storage.Release();
        var landed = await Eventually.ReadAsync(() => Memory.GetAsync("kraken:XBT-USD", CancellationToken.None), e => e is not null);
        Assert.NotNull(landed);
    }

    /// <summary>
    /// Moves the clock on in 5 s steps until the grain logged <paramref name="id"/> for the <paramref name="count"/>-th
    /// time: a tick re-arms only once the previous one finished, so one jump of a whole period could land before it.
    /// </summary>
    private async Task AdvanceUntilLoggedAsync(int id, int count, string phase)
    {
        var steps = 0;
        var messages = await Eventually.ReadAsync(
            () =>
            {
                if (steps < 60)
                {
                    steps++;
                    _silo.Time.Advance(TimeSpan.FromSeconds(5));
                }

                return Task.FromResult(_silo.Logs.Messages(id));
            },
            m => m.Count >= count);
        Assert.True(messages.Count >= count, $"timed out waiting for validation log event {id} #{count} ({phase}) after {steps} clock steps of 5 s");
    }

    private Trade Okx(string instrument, decimal price) => Trade(price, instrument: instrument, id: NextId(), venue: Venue.Okx);

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>A random walk of log moves with σ = 0.1 %, prices rounded to 6 decimals.</summary>
    private List<Trade> Walk(Venue venue, string instrument, int count, int seed, decimal from = 100m)
    {
        var random = new Random(seed);
        var price = (double)from;
        var trades = new List<Trade>(count);
        for (var i = 0; i < count; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            price *= Math.Exp(0.001 * gaussian);
            trades.Add(Trade((decimal)Math.Round(price, 6), instrument: instrument, id: NextId(), venue: venue));
        }

        return trades;
    }

    /// <summary>What the same validation rules learn from <paramref name="trades"/> outside any grain.</summary>
    private static AnomalyBaseline LearnedBaseline(List<Trade> trades, string instrument)
    {
        var validator = new MarketValidator(new MarketValidationOptions { MaxAge = null, MaxClockSkew = null }, TimeProvider.System);
        foreach (var trade in trades)
        {
            Assert.True(validator.TryValidate(trade, out _));
        }

        var learned = new List<KeyValuePair<string, AnomalyBaseline>>();
        validator.CollectLearnedBaselines(learned);
        return Assert.Single(learned, l => l.Key == instrument).Value;
    }
}
