using System.Globalization;
using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Grains.Tests.Support;
using static TgeSwarm.Grains.Tests.Market.Validation.TestMarketEvents;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>When the validation grain writes an instrument's baseline again: when it moved, and before its TTL runs out, never at every tick.</summary>
public sealed class AnomalyRewriteTests : IAsyncLifetime
{
    private const int Shared = 5113;
    private const string Key = "coinbase:BTC-USD";

    private AnomalySharingSilo _silo = null!;
    private int _nextId;

    public async Task InitializeAsync() => _silo = await AnomalySharingSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IMemoryGrain Memory => _silo.Memory;

    [Fact]
    public async Task A_baseline_that_moved_is_written_again_at_the_next_tick_and_one_that_did_not_is_left_alone()
    {
        var calm = Alternating(100m, 60, 0.001);
        await _silo.ValidateAsync(Venue.Coinbase, calm);
        _silo.Time.Advance(TimeSpan.FromSeconds(30));
        var first = await EntryAsync(e => e is not null, "the first share");

        // Ticks pass with the same trades: the baseline has not moved, nothing is written.
        for (var tick = 0; tick < 3; tick++)
        {
            _silo.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(first.Version, (await Memory.GetAsync(Key, CancellationToken.None))!.Version);

        // Moves of ±0.9 % (within the minimum move, so accepted) widen the scale about ninefold.
        var wide = Alternating(calm[^1].Price, 200, 0.009);
        await _silo.ValidateAsync(Venue.Coinbase, wide);
        var moved = await AdvanceUntilEntryAsync(e => e.Version > first.Version, "the moved baseline's share");

        var expected = LearnedBaseline([.. calm, .. wide]);
        Assert.True(AnomalyFindings.TryRead(moved.Value, out var finding, out _));
        Assert.Equal((expected.Median, expected.Scale, 200, 12.0), (finding.Median, finding.Scale, finding.Moves, finding.Threshold));

        // Learned at the tick; written a moment later, off the grain's turns, while the test's clock steps on.
        Assert.InRange(finding.LearnedAt, first.UpdatedAt, moved.UpdatedAt);
        Assert.Equal(2, _silo.Logs.Messages(Shared).Count);
    }

    [Fact]
    public async Task A_steady_baseline_is_written_again_once_half_its_ttl_has_passed_so_it_never_expires_while_the_venue_is_validated()
    {
        var trades = Alternating(100m, 60, 0.001);
        await _silo.ValidateAsync(Venue.Coinbase, trades);
        _silo.Time.Advance(TimeSpan.FromSeconds(30));
        var first = await EntryAsync(e => e is not null, "the first share");
        Assert.True(AnomalyFindings.TryRead(first.Value, out var before, out _));

        // The same market goes on trading every few minutes (an idle venue would be collected after 15).
        var refreshed = await AdvanceUntilEntryAsync(
            e => e.Version > first.Version,
            "the refresh at half the TTL",
            async step =>
            {
                if (step % 5 == 0)
                {
                    var more = Alternating(trades[^1].Price, 4, 0.001);
                    trades.AddRange(more);
                    await _silo.ValidateAsync(Venue.Coinbase, more);
                }
            });

        Assert.InRange(refreshed.UpdatedAt - first.UpdatedAt, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31));
        Assert.Equal(refreshed.UpdatedAt + TimeSpan.FromHours(1), refreshed.ExpiresAt);
        Assert.True(AnomalyFindings.TryRead(refreshed.Value, out var after, out _));
        Assert.False(AnomalyFindings.Moved(before, new AnomalyBaseline(after.Median, after.Scale, after.Moves, false)), $"{first.Value} -> {refreshed.Value}");
        Assert.Equal(2, _silo.Logs.Messages(Shared).Count);
    }

    private async Task<MemoryEntry> EntryAsync(Func<MemoryEntry?, bool> done, string phase)
    {
        var entry = await Eventually.ReadAsync(() => Memory.GetAsync(Key, CancellationToken.None), done);
        Assert.True(entry is not null && done(entry), $"timed out waiting for {Key} in {AnomalyFindings.Namespace} ({phase})");
        return entry;
    }

    /// <summary>Moves the clock on a minute at a time (at most 40) until the entry satisfies <paramref name="done"/>; one tick fires per step at most.</summary>
    private async Task<MemoryEntry> AdvanceUntilEntryAsync(Func<MemoryEntry, bool> done, string phase, Func<int, Task>? eachStep = null)
    {
        var steps = 0;
        var entry = await Eventually.ReadAsync(
            async () =>
            {
                if (steps < 40)
                {
                    steps++;
                    _silo.Time.Advance(TimeSpan.FromMinutes(1));
                    if (eachStep is not null)
                    {
                        await eachStep(steps);
                    }
                }

                return await Memory.GetAsync(Key, CancellationToken.None);
            },
            e => e is not null && done(e));
        Assert.True(entry is not null && done(entry), $"timed out waiting for {Key} ({phase}) after {steps} minutes of the fake clock");
        return entry;
    }

    /// <summary>Trades whose log moves alternate between +<paramref name="move"/> and -<paramref name="move"/>, prices rounded to 6 decimals.</summary>
    private List<Trade> Alternating(decimal from, int count, double move)
    {
        var price = (double)from;
        var trades = new List<Trade>(count);
        for (var i = 0; i < count; i++)
        {
            price *= Math.Exp(i % 2 == 0 ? move : -move);
            trades.Add(Trade((decimal)Math.Round(price, 6), instrument: "BTC-USD", id: (++_nextId).ToString(CultureInfo.InvariantCulture), venue: Venue.Coinbase));
        }

        return trades;
    }

    private static AnomalyBaseline LearnedBaseline(List<Trade> trades)
    {
        var validator = new MarketValidator(new MarketValidationOptions { MaxAge = null, MaxClockSkew = null }, TimeProvider.System);
        foreach (var trade in trades)
        {
            Assert.True(validator.TryValidate(trade, out var reason), $"trade {trade.TradeId} at {trade.Price} rejected: {reason}");
        }

        var learned = new List<KeyValuePair<string, AnomalyBaseline>>();
        validator.CollectLearnedBaselines(learned);
        return Assert.Single(learned).Value;
    }
}
