using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Feeds.Tests.Connectors.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

public sealed class VenueConnectorOptionsTests
{
    [Fact]
    public void Unset_values_take_the_venue_defaults_and_the_real_endpoints()
    {
        var connector = Connector(new VenueConnectorOptions { Venue = Venue.Bybit, Instruments = { "BTC-USDT" } });

        Assert.Equal(new Uri(VenueEndpoints.BybitSpotWebSocket), connector.Url);
        Assert.Equal(ConnectorState.Connecting, connector.State);
    }

    [Theory]
    [InlineData(Venue.Binance, "BTC-USDT-PERP", null, "must be 2 dash-separated parts")]
    [InlineData(Venue.Bybit, "BTC-USDT-PERP", null, "is a perpetual but the Bybit endpoint is not /linear")]
    [InlineData(Venue.Bybit, "BTC-USDT", VenueEndpoints.BybitLinearWebSocket, "must end in -PERP")]
    [InlineData(Venue.Coinbase, "BTC USD", null, "dash-separated parts")]
    [InlineData(Venue.KrakenV1, "BTC/USD", null, "dash-separated parts")]
    public void Instruments_a_venue_cannot_name_are_refused(Venue venue, string instrument, string? url, string failure)
    {
        var options = new VenueConnectorOptions { Venue = venue, Instruments = { instrument }, WebSocketUrl = url is null ? null : new Uri(url) };

        var result = new VenueConnectorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(failure, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_outside_what_the_venue_accepts_are_each_reported()
    {
        var options = new VenueConnectorOptions
        {
            Venue = Venue.Bybit,
            WebSocketUrl = new Uri("http://127.0.0.1/"),
            BookDepth = 20,
            TradeChannel = "aggTrade",
            Trades = false,
            Books = false,
            ReconnectMinDelay = TimeSpan.Zero,
            SilenceTimeout = TimeSpan.Zero,
            PingInterval = TimeSpan.FromSeconds(-1),
            MaxFramesPerFlush = 0,
        };

        var result = new VenueConnectorOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "WebSocketUrl 'http://127.0.0.1/' must be an absolute ws:// or wss:// address.",
                "Instruments must name at least one instrument.",
                "At least one of Trades and Books must be on.",
                "BookDepth 20 is not one of 1, 50, 200, 1000 on Bybit.",
                "TradeChannel 'aggTrade' is not one of publicTrade on Bybit.",
                "ReconnectMinDelay must be positive.",
                "SilenceTimeout must be positive and at most a day.",
                "PingInterval must be zero (no pings) or positive, and at most a day.",
                "MaxFramesPerFlush must be at least 1.",
            ],
            result.Failures);
    }

    [Fact]
    public void The_connector_refuses_invalid_options_when_it_is_built()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Connector(new VenueConnectorOptions { Venue = Venue.Okx }));

        Assert.Equal(["Instruments must name at least one instrument."], exception.Failures);
    }

    [Fact]
    public async Task RunAsync_runs_once()
    {
        var connector = Connector(new VenueConnectorOptions
        {
            Venue = Venue.Okx,
            Instruments = { "BTC-USDT" },
            WebSocketUrl = new Uri("ws://127.0.0.1:9/"),
        });
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();
        await connector.RunAsync(stopped.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => connector.RunAsync(stopped.Token));
        Assert.Equal(ConnectorState.Stopped, connector.State);
    }

    private static VenueConnector Connector(VenueConnectorOptions options) =>
        new(options, new RecordingConsumer(), new HttpClient(), TimeProvider.System, NullLogger<VenueConnector>.Instance);
}
