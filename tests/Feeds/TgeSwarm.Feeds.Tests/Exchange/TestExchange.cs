using Microsoft.Extensions.Logging;
using TgeSwarm.Feeds.Exchange;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>Starts replay exchanges for tests: recordings shared, as fast as possible, exact subscriptions starting at once.</summary>
internal static class TestExchange
{
    public static Task<ReplayExchange> StartAsync(Venue venue, Action<ReplayExchangeOptions>? configure = null, TimeProvider? time = null, ILoggerFactory? loggers = null) =>
        StartAsync([venue], configure, time, loggers);

    public static Task<ReplayExchange> StartAsync(IList<Venue> venues, Action<ReplayExchangeOptions>? configure = null, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        var options = new ReplayExchangeOptions
        {
            Venues = venues,
            Speed = ReplayExchangeOptions.AsFastAsPossible,
            // Exact subscriptions start at once; a generous settle keeps multi-message subscribes from starting early.
            SubscribeSettle = TimeSpan.FromMinutes(1),
            SubscribeTimeout = TimeSpan.FromMinutes(1),
        };
        configure?.Invoke(options);
        return ReplayExchange.StartAsync(options, SharedRecordings.Get, loggers, time, CancellationToken.None);
    }
}
