using System.Net;
using System.Net.WebSockets;
using TgeSwarm.Feeds.Exchange.Recording;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>Real sockets on 127.0.0.1: a client that subscribes as the recording did gets the recording.</summary>
public sealed class ReplayServingTests
{
    public static TheoryData<Venue> Venues => [.. RecordedSessions.Available];

    [Theory]
    [MemberData(nameof(Venues))]
    public async Task A_client_subscribing_as_recorded_gets_every_recorded_frame_and_parses_them_like_the_recording(Venue venue)
    {
        var prepared = SharedRecordings.Get(venue);
        // Kraken records three connections at one path: one of them is a subset of the path, which starts once it settles.
        await using var exchange = await TestExchange.StartAsync(venue, o => o.SubscribeSettle = venue == Venue.KrakenV1 ? TimeSpan.FromMilliseconds(300) : o.SubscribeSettle);
        var endpoint = exchange.Endpoint(venue);
        using var http = new HttpClient();
        var statistics = new List<FeedStatistics>();
        foreach (var connection in prepared.Connections)
        {
            await using var client = await ExchangeClient.ConnectAsync(endpoint.WebSocketUrl(connection.Recorded.Address.PathAndQuery));
            await client.SendAllAsync(connection.Recorded.Sends);

            var frames = await client.ReceiveUntilClosedAsync();

            Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
            Assert.Equal("end of recording", client.CloseReason);
            Assert.Equal(connection.Recorded.Frames.Count, frames.Count);
            Assert.All(frames.Zip(connection.Recorded.Frames), pair => Assert.Equal(pair.Second.Data, pair.First));
            var rest = new List<(RecordedHttp, byte[])>();
            foreach (var recorded in prepared.Recording.Http.Where(h => h.Micros >= connection.Recorded.ConnectMicros))
            {
                rest.Add((recorded, await http.GetByteArrayAsync(new Uri(endpoint.RestBaseUrl, recorded.Url.PathAndQuery))));
            }

            statistics.Add(FeedHarness.FeedAsRecorded(venue, connection, frames, rest, new CollectingSink()));
        }

        FrameGeneratorTests.AssertSameStatistics(SharedRecordings.RecordedStatistics(venue), FeedStatistics.Sum(statistics));
        var served = exchange.Statistics;
        Assert.Equal(prepared.Connections.Count, served.Connections);
        Assert.Equal(prepared.Connections.Sum(c => c.Recorded.Frames.Count), served.FramesSent[venue]);
        foreach (var detail in served.ConnectionDetails)
        {
            var recorded = Assert.Single(detail.RecordedConnections);
            Assert.Equal(prepared.Connections.Single(c => c.Id == recorded).Recorded.Frames.Count, detail.FramesSent);
            Assert.Equal(1, detail.Passes);
        }
    }

    [Fact]
    public async Task Recorded_rest_bodies_are_served_at_their_path_and_query_in_any_parameter_order()
    {
        var bybit = SharedRecordings.Get(Venue.Bybit);
        await using var exchange = await TestExchange.StartAsync(Venue.Bybit);
        using var http = new HttpClient { BaseAddress = exchange.Endpoint(Venue.Bybit).RestBaseUrl };

        var linear = bybit.Recording.Http.Single(h => h.Url.Query.Contains("category=linear", StringComparison.Ordinal));
        Assert.Equal(linear.Body, await http.GetByteArrayAsync(new Uri(linear.Url.PathAndQuery, UriKind.Relative)));
        Assert.Equal(linear.Body, await http.GetByteArrayAsync(new Uri("/v5/market/instruments-info?limit=1000&status=Trading&category=linear", UriKind.Relative)));
        var missing = await http.GetAsync(new Uri("/v5/market/instruments-info?category=option", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await missing.Content.ReadAsStringAsync();
        Assert.Contains("No recorded response for GET /v5/market/instruments-info?category=option on bybit", body, StringComparison.Ordinal);
        Assert.Contains("/v5/market/instruments-info?&category=spot&status=Trading&limit=1000", body, StringComparison.Ordinal);
        Assert.Equal(2, exchange.Statistics.HttpRequests);
        Assert.Equal(1, exchange.Statistics.HttpNotFound);
    }

    [Fact]
    public async Task Binance_depth_snapshot_and_exchange_info_are_served_as_recorded()
    {
        var binance = SharedRecordings.Get(Venue.Binance);
        await using var exchange = await TestExchange.StartAsync(Venue.Binance);
        using var http = new HttpClient { BaseAddress = exchange.Endpoint(Venue.Binance).RestBaseUrl };

        foreach (var recorded in binance.Recording.Http)
        {
            Assert.Equal(recorded.Body, await http.GetByteArrayAsync(new Uri(recorded.Url.PathAndQuery, UriKind.Relative)));
        }

        Assert.Contains(exchange.Endpoint(Venue.Binance).RestUrls, u => u.PathAndQuery == "/api/v3/depth?symbol=NKNUSDT&limit=1000");
    }

    [Fact]
    public async Task A_path_the_recording_does_not_have_is_a_404_that_lists_the_recorded_ones()
    {
        await using var exchange = await TestExchange.StartAsync(Venue.Okx);
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(exchange.Endpoint(Venue.Okx).RestBaseUrl, "/ws/v5/business"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Recorded WebSocket paths: /ws/v5/public", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var socket = await Assert.ThrowsAsync<WebSocketException>(() => ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Okx).WebSocketUrl("/ws/v5/business")));
        Assert.Contains("404", socket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_venues_are_served_at_once_each_on_its_own_port()
    {
        await using var exchange = await TestExchange.StartAsync([Venue.Coinbase, Venue.KrakenV1, Venue.Okx]);

        var ports = exchange.Endpoints.Select(e => e.WebSocketBaseUrl.Port).ToList();

        Assert.Equal(3, ports.Distinct().Count());
        Assert.All(exchange.Endpoints, e => Assert.Equal("127.0.0.1", e.RestBaseUrl.Host));
        Assert.Equal([new Uri($"ws://127.0.0.1:{ports[1]}/")], exchange.Endpoint(Venue.KrakenV1).WebSocketUrls);
        Assert.Equal([new Uri($"ws://127.0.0.1:{ports[0]}/")], exchange.Endpoint(Venue.Coinbase).WebSocketUrls);
        Assert.Throws<ArgumentException>(() => exchange.Endpoint(Venue.Bybit));
    }
}
