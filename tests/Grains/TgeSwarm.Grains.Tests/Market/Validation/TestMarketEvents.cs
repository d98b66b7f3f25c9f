using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>Hand-built trades and book updates at the fake clock's start (2026-01-01T00:00:00Z).</summary>
internal static class TestMarketEvents
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly long StartMicros = (Start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static Trade Trade(
        decimal price = 100m,
        decimal size = 1m,
        string instrument = "BTC-USDT",
        string id = "1",
        long? timestamp = null,
        TradeSide side = TradeSide.Buy,
        Venue venue = Venue.Binance) =>
        new(venue, instrument, timestamp ?? StartMicros, price, size, side, id);

    public static BookUpdate Book(
        PriceLevel[]? bids = null,
        PriceLevel[]? asks = null,
        bool snapshot = false,
        BookTop? top = null,
        string instrument = "BTC-USDT",
        long? timestamp = null,
        Venue venue = Venue.Binance) =>
        new(
            venue,
            instrument,
            timestamp ?? StartMicros,
            snapshot,
            bids ?? [new PriceLevel(99m, 1m)],
            asks ?? [new PriceLevel(101m, 1m)],
            top ?? new BookTop(99m, 1m, 101m, 1m, 1m, 1m));
}
