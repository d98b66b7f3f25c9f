using System.Net.WebSockets;

namespace TgeSwarm.Feeds.Connectors;

public sealed partial class VenueConnector
{
    private async Task PingLoopAsync(VenueConnection connection, byte[] ping)
    {
        using var timer = new PeriodicTimer(_settings.PingInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.Token))
            {
                await connection.SendAsync(ping, connection.Token);
                Statistics.PingSent();
            }
        }
        catch (OperationCanceledException) when (connection.Token.IsCancellationRequested)
        {
            // The connection ended.
        }
        catch (Exception exception) when (exception is WebSocketException or IOException)
        {
            // The socket broke under the ping; the receive loop meets the same fault and ends the connection.
            Log.PingFailed(_logger, Venue, Url, exception.Message);
        }
    }

    /// <summary>Ends a connection that received nothing for the silence timeout, checking four times per timeout.</summary>
    private async Task WatchSilenceAsync(VenueConnection connection)
    {
        var period = TimeSpan.FromTicks(Math.Max(_settings.SilenceTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.Token))
            {
                if (connection.IsSilent(NowMicros(), _settings.SilenceTimeout))
                {
                    connection.Abort(DisconnectReason.Silence);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (connection.Token.IsCancellationRequested)
        {
            // The connection ended.
        }
    }
}
