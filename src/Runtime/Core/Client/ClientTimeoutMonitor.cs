using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// Fails the client's calls whose response did not arrive within their timeout (the method's
/// <c>[ResponseTimeout]</c>, else <c>ClientMessagingOptions.ResponseTimeout</c>). One sweep over the waiting calls
/// every tenth of the default timeout (10 ms to 1 s) rather than a timer per call, so a call costs two map operations.
/// Nothing is retried after a timeout: the grain may still have run the call.
/// </summary>
internal sealed partial class ClientTimeoutMonitor(TimeProvider time, TimeSpan defaultTimeout, ILogger logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainRequest, long> _deadlines = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _stop = new();
    private Task? _sweeping;

    public TimeSpan DefaultTimeout => defaultTimeout;

    public TimeSpan TimeoutOf(GrainRequest request) => request.ResponseTimeout ?? defaultTimeout;

    /// <summary>Starts the sweep; <paramref name="expire"/> receives each call whose deadline passed.</summary>
    public void Start(Action<GrainRequest, TimeoutException> expire) => _sweeping = SweepAsync(expire, _stop.Token);

    public void Track(GrainRequest request) =>
        _deadlines[request] = time.GetTimestamp() + (long)(TimeoutOf(request).TotalSeconds * time.TimestampFrequency);

    public void Untrack(GrainRequest request) => _deadlines.TryRemove(request, out _);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _sweeping, null) is { } sweeping)
        {
            await _stop.CancelAsync();
            await sweeping;
        }
    }

    private async Task SweepAsync(Action<GrainRequest, TimeoutException> expire, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(defaultTimeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = time.GetTimestamp();
                foreach (var (request, deadline) in _deadlines)
                {
                    if (deadline <= now && _deadlines.TryRemove(request, out _))
                    {
                        var timeout = TimeoutOf(request);
                        LogTimedOut(logger, request, request.TargetId, timeout);
                        expire(request, new TimeoutException(
                            $"Response for {request} on grain {request.TargetId} did not arrive within {timeout} (the client's call). The call was not retried; the grain may still have run it."));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogSweepStopped(logger, _deadlines.Count);
        }
    }

    [LoggerMessage(ClientEventIds.CallTimedOut, LogLevel.Warning, "Client call {Request} on grain {GrainId} timed out after {Timeout}")]
    private static partial void LogTimedOut(ILogger logger, GrainRequest request, GrainId grainId, TimeSpan timeout);

    [LoggerMessage(ClientEventIds.TimeoutSweepStopped, LogLevel.Debug, "Client response timeout sweep stopped with {Pending} calls pending")]
    private static partial void LogSweepStopped(ILogger logger, int pending);
}
