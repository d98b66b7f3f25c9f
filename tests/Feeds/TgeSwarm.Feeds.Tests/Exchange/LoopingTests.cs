using System.Globalization;
using System.Text.Json;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>A looping replay over a real socket: pass after pass, ids and sequences keep rising and no check of the parsers trips.</summary>
public sealed class LoopingTests
{
    // Coinbase without level2, whose snapshots weigh megabytes a pass; the frame generator tests loop its books.
    public static TheoryData<Venue, string, string?> Connections => new()
    {
        { Venue.Binance, "BINANCE.ws.1", null },
        { Venue.Bybit, "BYBIT.ws.3", null },
        { Venue.Coinbase, "COINBASE.ws.2", """{"type":"subscribe","product_ids":["BTC-USD","ETH-USD"],"channels":["market_trades","heartbeats"]}""" },
        { Venue.KrakenV1, "KRAKEN.ws.48", null },
        { Venue.KrakenV1, "KRAKEN.ws.50", null },
        { Venue.Okx, "OKX.ws.1", null },
    };

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task Two_and_a_half_passes_show_rising_ids_and_no_gap_checksum_failure_or_rejection(Venue venue, string recorded, string? subscribe)
    {
        var prepared = SharedRecordings.Get(venue);
        var connection = prepared.Connections.Single(c => c.Id == recorded);
        IReadOnlyCollection<string> keys = subscribe is null ? connection.Keys : [.. prepared.Protocol.Read(System.Text.Encoding.UTF8.GetBytes(subscribe)).Keys];
        var script = new ReplayScript(prepared, [connection], keys);
        var steps = script.Steps.Count(s => script.IsEnabled(s.KeyIndex));
        var perPass = (First: steps, Later: steps + script.Prologue.Count);
        var settles = venue == Venue.KrakenV1 || subscribe is not null;
        await using var exchange = await TestExchange.StartAsync(venue, o => (o.Loop, o.SubscribeSettle) = (true, settles ? TimeSpan.FromMilliseconds(300) : o.SubscribeSettle));
        var endpoint = exchange.Endpoint(venue);
        await using var client = await ExchangeClient.ConnectAsync(endpoint.WebSocketUrl(connection.Recorded.Address.PathAndQuery));
        if (subscribe is null)
        {
            await client.SendAllAsync(connection.Recorded.Sends);
        }
        else
        {
            await client.SendAsync(subscribe);
        }

        using var http = new HttpClient();
        var snapshots = new List<(string, byte[])>();
        foreach (var reset in prepared.BookResets)
        {
            // Fetched while the connection runs: served for the pass the connection has reached.
            var url = new Uri(endpoint.RestBaseUrl, $"/api/v3/depth?symbol={reset.Symbol}&limit=1000");
            snapshots.Add((url.ToString(), await http.GetByteArrayAsync(url)));
        }

        var frames = await client.ReceiveCountAsync(perPass.First + perPass.Later + (perPass.Later / 2));

        var sink = new CollectingSink();
        var statistics = FeedHarness.Feed(venue, connection.Recorded.Address, frames, sink, [.. snapshots]);
        Assert.Equal(0, statistics.Gaps);
        Assert.Equal(0, statistics.Resyncs);
        Assert.Equal(0, statistics.ChecksumFailed);
        Assert.Equal(0, statistics.Rejected);
        var ids = sink.Trades.Where(t => t.TradeId.Length > 0).Select(t => (t.Instrument, t.TradeId)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        AssertIdsRiseFromPassToPass(frames, perPass, venue);
        if (venue == Venue.Binance)
        {
            AssertBinanceDepthIdsAreContiguous(frames);
        }

        if (venue == Venue.Coinbase)
        {
            Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (long)i), frames.Select(f => JsonDocument.Parse(f).RootElement.GetProperty("sequence_num").GetInt64()));
        }
    }

    private static void AssertIdsRiseFromPassToPass(List<byte[]> frames, (int First, int Later) perPass, Venue venue)
    {
        var passes = new[] { frames[..perPass.First], frames[perPass.First..(perPass.First + perPass.Later)], frames[(perPass.First + perPass.Later)..] };
        var trades = passes.Select(p =>
        {
            var sink = new CollectingSink();
            FeedHarness.Feed(venue, new Uri("wss://replay/v5/public/spot"), p, sink);
            return sink.Trades.Where(t => long.TryParse(t.TradeId, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        }).ToList();
        for (var pass = 1; pass < passes.Length; pass++)
        {
            foreach (var instrument in trades[pass].Select(t => t.Instrument).Distinct())
            {
                var before = trades[pass - 1].Where(t => t.Instrument == instrument).Select(t => long.Parse(t.TradeId, CultureInfo.InvariantCulture)).ToList();
                var now = trades[pass].Where(t => t.Instrument == instrument).Select(t => long.Parse(t.TradeId, CultureInfo.InvariantCulture)).ToList();
                Assert.True(before.Count == 0 || now.Min() > before.Max(), $"{venue} {instrument}: pass {pass} trade ids start at {now.Min()}, not above {before.DefaultIfEmpty().Max()}");
            }
        }
    }

    /// <summary>Binance's rule, strictly: every diff is either already covered (u ≤ the last u) or starts right after it.</summary>
    private static void AssertBinanceDepthIdsAreContiguous(List<byte[]> frames)
    {
        var last = new Dictionary<string, long>();
        var applied = 0;
        foreach (var frame in frames)
        {
            var data = JsonDocument.Parse(frame).RootElement.GetProperty("data");
            if (!data.TryGetProperty("e", out var type) || type.GetString() != "depthUpdate")
            {
                continue;
            }

            var symbol = data.GetProperty("s").GetString()!;
            var (first, final) = (data.GetProperty("U").GetInt64(), data.GetProperty("u").GetInt64());
            if (last.TryGetValue(symbol, out var previous) && final <= previous)
            {
                continue;
            }

            if (last.ContainsKey(symbol))
            {
                Assert.True(first <= previous + 1, $"{symbol}: diff {first}-{final} after {previous} skips ids");
            }

            last[symbol] = final;
            applied++;
        }

        Assert.Equal(4, last.Count);
        Assert.True(applied > 2 * 177, $"only {applied} diffs moved the ids on");
    }
}
