using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>Pacing by the recorded times on the exchange's clock: a test clock decides when each frame is due.</summary>
public sealed class PacingTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public async Task Each_frame_waits_for_its_recorded_offset_divided_by_the_speed(double speed)
    {
        var okx = SharedRecordings.Get(Venue.Okx).Connections[0];
        var clock = new FakeTimeProvider();
        await using var exchange = await TestExchange.StartAsync(Venue.Okx, o => o.Speed = speed, clock);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Okx).WebSocketUrls[0]);
        await client.SendAllAsync(okx.Recorded.Sends);
        var start = okx.Recorded.Frames[0].Micros;

        Assert.Equal(okx.Recorded.Frames[0].Data, await client.ReceiveAsync());
        var moved = TimeSpan.Zero;
        for (var i = 1; i <= 12; i++)
        {
            var due = TimeSpan.FromMicroseconds((okx.Recorded.Frames[i].Micros - start) / speed);
            var next = client.ReceiveAsync();
            if (due - moved > TimeSpan.FromMilliseconds(1))
            {
                clock.Advance(due - moved - TimeSpan.FromMilliseconds(1));
                moved = due - TimeSpan.FromMilliseconds(1);
                Assert.False(next.IsCompleted, $"frame {i} arrived a millisecond before its time");
            }

            if (due > moved)
            {
                clock.Advance(due - moved);
                moved = due;
            }

            Assert.Equal(okx.Recorded.Frames[i].Data, await next);
        }
    }
}
