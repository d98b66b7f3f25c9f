using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.History;
using TgeSwarm.Grains.Tests.Support;

namespace TgeSwarm.Grains.Tests.Market.History;

public sealed class PostgresBarHistoryTests
{
    private static Bar NewBar(int i, decimal close = 101m) =>
        new("binance", i % 2 == 0 ? "BTC-USDT" : "ETH-USDT", 1, 1_700_000_000_000_000L + (i * 1_000_000L), 100m, 102.5m, 99.25m, close, 3.5m, 352.125m, 7);

    private static PostgresBarHistory NewHistory(string connectionString, int batchSize = 1000) =>
        new(Options.Create(new MarketHistoryOptions { ConnectionString = connectionString, BatchSize = batchSize, FlushInterval = TimeSpan.FromMilliseconds(50) }),
            TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task Every_enqueued_bar_is_written_once_with_its_values_by_the_time_the_recorder_stops()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var history = NewHistory(database.ConnectionString);
        await history.OnStartAsync(CancellationToken.None);

        var bars = Enumerable.Range(0, 12_345).Select(i => NewBar(i)).ToList();
        foreach (var chunk in bars.Chunk(100))
        {
            history.Enqueue(chunk);
        }

        await history.OnStopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(12_345, history.Written);
        Assert.Equal(0, history.Dropped);
        Assert.Equal(12_345L, await database.ScalarAsync<long>("SELECT count(*) FROM market_bars"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM market_bars_staging"));
        Assert.Equal(
            "binance|ETH-USDT|1|100|102.5|99.25|101|3.5|352.125|7",
            await database.ScalarAsync<string>(
                "SELECT concat_ws('|', venue, instrument, interval_seconds, open, high, low, close, volume, quote_volume, trade_count) " +
                "FROM market_bars WHERE open_time = 1700000000000000 + 12343::bigint * 1000000"));
    }

    [Fact]
    public async Task A_bar_written_again_replaces_its_row_instead_of_failing_the_batch()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var history = NewHistory(database.ConnectionString, batchSize: 10);
        await history.OnStartAsync(CancellationToken.None);

        history.Enqueue([NewBar(0), NewBar(1)]);
        history.Enqueue([NewBar(0, close: 102m), NewBar(2)]);
        await history.OnStopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM market_bars"));
        Assert.Equal(102m, await database.ScalarAsync<decimal>("SELECT close FROM market_bars WHERE open_time = 1700000000000000"));
    }

    [Fact]
    public void Options_without_a_connection_string_or_with_a_capacity_below_the_batch_size_are_refused_with_the_setting_named()
    {
        var result = new MarketHistoryOptionsValidator().Validate(null, new MarketHistoryOptions { BatchSize = 10, Capacity = 5 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Market:History:ConnectionString", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Capacity (5) must be at least BatchSize (10)", StringComparison.Ordinal));
    }
}
