using System.Diagnostics;
using System.Threading.Channels;
using TgeSwarm.Bench.Grains;

namespace TgeSwarm.Bench.Baselines;

/// <summary>
/// The memory-stream baseline: the same batches of trades through one bounded <see cref="Channel{T}"/> from a
/// producer task to a consumer task that counts them — one hop, no copies, no grains.
/// </summary>
internal static class ChannelBatches
{
    public static async Task<double> EventsPerSecondAsync(int events, int batchSize, int maxQueuedEvents)
    {
        var channel = Channel.CreateBounded<Trade[]>(new BoundedChannelOptions(Math.Max(1, maxQueuedEvents / batchSize))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var time = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);
        var started = Stopwatch.GetTimestamp();
        var consumer = Task.Run(async () =>
        {
            long count = 0;
            await foreach (var batch in channel.Reader.ReadAllAsync())
            {
                count += batch.Length;
            }

            return count;
        });
        for (var sent = 0; sent < events; sent += batchSize)
        {
            var batch = new Trade[batchSize];
            for (var i = 0; i < batchSize; i++)
            {
                batch[i] = new Trade("BTC-USDT", 97_000.5m + i, 0.01m, sent + i, time, (i & 1) == 0);
            }

            await channel.Writer.WriteAsync(batch);
        }

        channel.Writer.Complete();
        var received = await consumer;
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return received / elapsed;
    }
}
