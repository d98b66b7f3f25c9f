using System.Net;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Client;

internal sealed partial class GatewayManager
{
    /// <summary>Reads the gateway list and dials every listed gateway not connected yet; returns the failures.</summary>
    private async Task<List<Exception>> ConnectRoundAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<IPEndPoint> listed;
        try
        {
            listed = await _provider.GetGatewaysAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A provider (a database) may fail in its own ways; the error is kept and reported with the round.
            LogRefreshFailed(_logger, exception, _provider.ToString() ?? _provider.GetType().Name);
            Volatile.Write(ref _lastError, exception);
            return [exception];
        }

        lock (_lock)
        {
            _known = listed;
            _tried.UnionWith(listed);
        }

        if (listed.Count == 0)
        {
            LogListEmpty(_logger, _provider.ToString() ?? _provider.GetType().Name);
        }

        var outcomes = await Task.WhenAll(listed.Select(endpoint => ConnectAsync(endpoint, cancellationToken)));
        return [.. outcomes.OfType<Exception>()];
    }

    /// <summary>Opens one gateway connection unless it is open or opening; returns the failure, if any.</summary>
    private async Task<Exception?> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_live.Any(g => g.Endpoint.Equals(endpoint)) || !_connecting.Add(endpoint))
            {
                return null;
            }
        }

        Connection connection;
        try
        {
            connection = await _connections.ConnectAsync(endpoint, cancellationToken);
        }
        catch (Exception exception) when (exception is ConnectionFailedException or ConnectionRefusedException or ObjectDisposedException)
        {
            lock (_lock)
            {
                _connecting.Remove(endpoint);
                _lastError = exception;
            }

            return exception;
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                _connecting.Remove(endpoint);
            }

            throw;
        }

        var gateway = new GatewayConnection(endpoint, connection, _undeliverable);
        lock (_lock)
        {
            _connecting.Remove(endpoint);

            // A connection that closed before it was listed had its OnClosed find nothing to remove; it is not listed.
            if (connection.IsClosed)
            {
                return new ConnectionClosedException($"The connection to {gateway} closed as soon as it opened.");
            }

            _live = [.. _live, gateway];
        }

        _instruments.GatewaysConnected.Add(1);
        LogGatewayConnected(_logger, endpoint, gateway.Silo, ConnectedCount);
        return null;
    }

    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var lastRound = _time.GetTimestamp();
        try
        {
            while (true)
            {
                var woken = await WaitForWakeAsync(ConnectedCount == 0 ? _options.ConnectionRetryBackoff : _options.GatewayListRefreshPeriod, cancellationToken);
                var since = _time.GetElapsedTime(lastRound);
                if (woken && since < _options.ConnectionRetryBackoff)
                {
                    await Task.Delay(_options.ConnectionRetryBackoff - since, _time, cancellationToken);
                }

                lastRound = _time.GetTimestamp();
                await ConnectRoundAsync(cancellationToken);
                if (ConnectedCount == 0)
                {
                    LogNoGateway(_logger, DescribeUnreachable());
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogLoopStopped(_logger, ConnectedCount);
        }
    }

    /// <summary>Waits for a closed connection's wake-up (true) or for <paramref name="period"/> (false).</summary>
    private async Task<bool> WaitForWakeAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(period, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _wake.Reader.ReadAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
