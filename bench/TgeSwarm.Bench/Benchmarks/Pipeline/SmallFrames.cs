using TgeSwarm.Feeds;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// The <c>pipeline_small</c> benchmark's input: small frames (150–300 bytes, one event each) over 100 synthetic
/// instruments, in four connections written the way the venues write them: two Binance connections of 50
/// instruments each (half <c>trade</c>, half <c>depthUpdate</c> events, after one REST depth snapshot per
/// instrument), a Bybit spot connection with <c>publicTrade</c> frames for the first 50 instruments and an OKX one
/// with <c>trades</c> frames for the last 50. So there are 200 venue-instrument feature streams and 100 instruments
/// whose window and cache grains hear from two venues. Instruments are picked uniformly at random (a fixed seed),
/// the worst case for batching per instrument. Trade ids and update ids only grow and the exchange clock advances
/// 1 ms every 25 frames per connection (100 000 frames/s in all), so nothing is a duplicate or a gap and bars close
/// as they would at that rate.
/// </summary>
internal static class SmallFrames
{
    public const int Instruments = 100;

    private const int FramesPerMillisecond = 25;

    // 2026-01-01T00:00:00Z: the bench turns the validation's clock checks off, as for the recordings.
    private const long StartMillis = 1_767_225_600_000;

    /// <summary>Renders <paramref name="warmUpFrames"/> then <paramref name="measuredFrames"/> frames, split evenly over the four connections.</summary>
    public static PipelineFrames Render(int warmUpFrames, int measuredFrames)
    {
        var all = Enumerable.Range(0, Instruments).Select(static i => new SmallInstrument(i)).ToArray();
        var half = Instruments / 2;
        var (warmUp, measured) = (warmUpFrames / 4, measuredFrames / 4);
        return PipelineFrames.Of(
        [
            Binance(all[..half], warmUp, measured, seed: 1),
            Binance(all[half..], warmUp, measured, seed: 2),
            Trades(Venue.Bybit, new Uri("wss://stream.bybit.com/v5/public/spot"), all[..half], warmUp, measured, seed: 3),
            Trades(Venue.Okx, new Uri("wss://ws.okx.com:8443/ws/v5/public"), all[half..], warmUp, measured, seed: 4),
        ]);
    }

    private static PipelineFrames.Connection Binance(SmallInstrument[] instruments, int warmUp, int measured, int seed)
    {
        var random = new Random(seed);
        var writer = new SmallFrameWriter(new FrameArena(), random);
        var connection = new PipelineFrames.Connection(Venue.Binance, new Uri($"wss://stream.binance.com:9443/stream?connection={seed}"));
        foreach (var instrument in instruments)
        {
            var url = $"https://api.binance.com/api/v3/depth?symbol={instrument.Symbol}&limit=1000";
            connection.Frames.Add(new PipelineFrames.Frame(writer.BinanceSnapshot(instrument), url));
        }

        Add(connection, warmUp, measured, (i, millis) =>
        {
            var instrument = instruments[random.Next(instruments.Length)];
            return random.Next(2) == 0 ? writer.BinanceTrade(instrument, millis) : writer.BinanceDepthUpdate(instrument, millis);
        });
        return connection;
    }

    private static PipelineFrames.Connection Trades(Venue venue, Uri address, SmallInstrument[] instruments, int warmUp, int measured, int seed)
    {
        var random = new Random(seed);
        var writer = new SmallFrameWriter(new FrameArena(), random);
        var connection = new PipelineFrames.Connection(venue, address);
        Add(connection, warmUp, measured, (i, millis) =>
        {
            var instrument = instruments[random.Next(instruments.Length)];
            return venue == Venue.Bybit ? writer.BybitTrade(instrument, millis, sequence: 178_000_000_000 + i) : writer.OkxTrade(instrument, millis);
        });
        return connection;
    }

    private static void Add(PipelineFrames.Connection connection, int warmUp, int measured, Func<long, long, ReadOnlyMemory<byte>> next)
    {
        for (long i = 0; i < warmUp + measured; i++)
        {
            if (i == warmUp)
            {
                connection.WarmUpCount = connection.Frames.Count;
            }

            connection.Frames.Add(new PipelineFrames.Frame(next(i, StartMillis + (i / FramesPerMillisecond)), null));
        }
    }
}
