using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Windows;

namespace TgeSwarm.Grains.Tests.Market.Windows;

/// <summary>Hand-built 1 s bars and feature updates of BTC-USDT, times in seconds after an hour boundary.</summary>
internal static class WindowInputs
{
    public const string Instrument = "BTC-USDT";
    public const long Second = 1_000_000;

    /// <summary>2023-11-14 22:00:00 UTC, an hour boundary, so every window size used here is aligned on it.</summary>
    public const long T0 = 1_699_999_200 * Second;

    public static long At(long seconds) => T0 + (seconds * Second);

    public static Bar Bar(string venue, long second, decimal open, decimal high, decimal low, decimal close, decimal volume = 1m, int trades = 1) =>
        new(venue, Instrument, 1, At(second), open, high, low, close, volume, volume * (high + low) / 2, trades);

    public static Bar Bar(string venue, long second, decimal price, decimal volume = 1m) =>
        new(venue, Instrument, 1, At(second), price, price, price, price, volume, price * volume, 1);

    public static FeatureUpdate Update(string venue, params Bar[] bars) =>
        new(new FeatureSnapshot(venue, Instrument, bars.Length == 0 ? 0 : bars[^1].EndTime, 0m, 0m, 0, 0, null, null, null, null, 0m, 0m, 0m, null, 0), bars);

    /// <summary>Only the window kinds a test names are on; no lateness unless it says so.</summary>
    public static WindowOptions Options(
        TimeSpan? tumbling = null,
        TimeSpan? slidingSize = null,
        TimeSpan? slidingSlide = null,
        TimeSpan? sessionGap = null,
        TimeSpan? lateness = null,
        LatePolicy policy = LatePolicy.Drop,
        TimeSpan? horizon = null,
        int maxPending = 1024) => new()
        {
            Tumbling = tumbling ?? TimeSpan.Zero,
            SlidingSize = slidingSize ?? TimeSpan.Zero,
            SlidingSlide = slidingSlide ?? TimeSpan.FromSeconds(1),
            SessionGap = sessionGap ?? TimeSpan.Zero,
            AllowedLateness = lateness ?? TimeSpan.Zero,
            LatePolicy = policy,
            ReemitHorizon = horizon ?? TimeSpan.Zero,
            MaxPendingResults = maxPending,
        };

    public static TimeSpan Seconds(int seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Offers each update and returns everything emitted, in order.</summary>
    public static List<WindowResult> Feed(WindowEngine engine, params FeatureUpdate[] updates)
    {
        var results = new List<WindowResult>();
        foreach (var update in updates)
        {
            Assert.True(engine.OnFeatures(update), "the engine refused an update");
            results.AddRange(engine.TakeClosed());
        }

        return results;
    }
}
