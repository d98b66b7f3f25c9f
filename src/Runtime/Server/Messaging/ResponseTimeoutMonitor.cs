using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Fails calls whose response did not arrive in time. One sweep loop over the pending calls instead of a timer per
/// call: a call costs an add and a remove in a concurrent map. The sweep runs every tenth of the shortest timeout
/// (between 10 ms and 1 s), so a call fails at most that much after its deadline. Nothing is retried after a
/// timeout (calls are at most once), and the message names the grain, the method and the call chain.
/// </summary>
internal sealed partial class ResponseTimeoutMonitor : IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainRequest, long> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _defaultTimeout;
    private readonly ILogger<ResponseTimeoutMonitor> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _sweepPeriod;
    private Task? _loop;
    private Action<GrainRequest, Exception>? _fail;

    public ResponseTimeoutMonitor(TimeProvider timeProvider, IOptions<SiloMessagingOptions> options, ILogger<ResponseTimeoutMonitor> logger)
    {
        _timeProvider = timeProvider;
        _defaultTimeout = options.Value.ResponseTimeout;
        _logger = logger;
        _sweepPeriod = TimeSpan.FromTicks(Math.Clamp(_defaultTimeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
    }

    public TimeSpan DefaultTimeout => _defaultTimeout;

    /// <summary>Starts sweeping; <paramref name="fail"/> delivers a timeout to the caller.</summary>
    public void Start(Action<GrainRequest, Exception> fail)
    {
        _fail = fail;
        _loop = SweepLoopAsync(_stop.Token);
    }

    public void Track(GrainRequest request)
    {
        var timeout = request.ResponseTimeout ?? _defaultTimeout;
        _pending[request] = _timeProvider.GetTimestamp() + (long)(timeout.TotalSeconds * _timeProvider.TimestampFrequency);
    }

    public void Untrack(GrainRequest request) => _pending.TryRemove(request, out _);

    public int PendingCount => _pending.Count;

    private async Task SweepLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_sweepPeriod, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogSweepStopped(_logger, _pending.Count);
        }
    }

    internal void Sweep()
    {
        var now = _timeProvider.GetTimestamp();
        foreach (var (request, deadline) in _pending)
        {
            if (now < deadline || !_pending.TryRemove(request, out _))
            {
                continue;
            }

            var timeout = request.ResponseTimeout ?? _defaultTimeout;
            var chain = request.CallContext is { CallChain.Length: > 0 } context
                ? $" Call chain: {string.Join(" -> ", context.CallChain)} -> {request.TargetId}."
                : string.Empty;
            LogTimedOut(_logger, request, request.TargetId, timeout);
            _fail?.Invoke(request, new TimeoutException(
                $"Response for {request} on grain {request.TargetId} did not arrive within {timeout}.{chain} The call was not retried; the grain may still have run it."));
        }
    }

    /// <summary>Stops the loop and waits for it; safe to call more than once (the lifecycle stops it, the container disposes it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _loop, null) is { } loop)
        {
            await _stop.CancelAsync();
            await loop;
        }
    }

    [LoggerMessage(SiloEventIds.CallTimedOut, LogLevel.Warning, "Call {Request} on grain {GrainId} timed out after {Timeout}")]
    private static partial void LogTimedOut(ILogger logger, GrainRequest request, GrainId grainId, TimeSpan timeout);

    [LoggerMessage(SiloEventIds.TimeoutSweepStopped, LogLevel.Debug, "Response timeout sweep stopped with {Pending} calls pending")]
    private static partial void LogSweepStopped(ILogger logger, int pending);
}
