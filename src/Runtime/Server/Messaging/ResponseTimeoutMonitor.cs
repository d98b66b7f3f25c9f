using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Scheduling;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Fails calls whose response did not arrive in time, without registering each call anywhere: a call only gets a
/// deadline (<see cref="GrainRequest.DeadlineTimestamp"/>), and the sweep looks where waiting calls are — every
/// activation's mailbox and running turns, and the calls waiting on another process (<see cref="OutstandingCalls"/>).
/// So the common call, which completes long before its deadline, costs one coarse clock read (<see cref="CallClock"/>)
/// and no allocation. The sweep
/// runs every tenth of the default timeout (between 10 ms and 1 s), so a call fails at most that much after its
/// deadline. Nothing is retried after a timeout (calls are at most once); a timed-out call still queued is dropped
/// when its turn would come, never run; the message names the grain, the method and the call chain.
/// </summary>
internal sealed partial class ResponseTimeoutMonitor : IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly CallClock _clock;
    private readonly TimeSpan _defaultTimeout;
    private readonly IServiceProvider _services;
    private readonly ILogger<ResponseTimeoutMonitor> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _sweepPeriod;
    private readonly List<GrainRequest> _expired = [];
    private Task? _loop;
    private Action<GrainRequest, Exception>? _fail;

    public ResponseTimeoutMonitor(TimeProvider timeProvider, CallClock clock, IOptions<SiloMessagingOptions> options, IServiceProvider services, ILogger<ResponseTimeoutMonitor> logger)
    {
        _timeProvider = timeProvider;
        _clock = clock;
        _defaultTimeout = options.Value.ResponseTimeout;
        _services = services;
        _logger = logger;
        _sweepPeriod = TimeSpan.FromTicks(Math.Clamp(_defaultTimeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
    }

    public TimeSpan DefaultTimeout => _defaultTimeout;

    // Resolved at start, not at construction (the catalog's services need this monitor), and never during a sweep,
    // which may run while the container is being disposed.
    private Catalog.Catalog? _catalog;
    private OutstandingCalls? _outstanding;

    /// <summary>Starts sweeping; <paramref name="fail"/> delivers a timeout to the caller.</summary>
    public void Start(Action<GrainRequest, Exception> fail)
    {
        _fail = fail;
        _catalog = _services.GetRequiredService<Catalog.Catalog>();
        _outstanding = _services.GetRequiredService<OutstandingCalls>();
        _loop = SweepLoopAsync(_stop.Token);
    }

    /// <summary>Gives <paramref name="request"/> its deadline: now plus its method's timeout, or the default.</summary>
    public void Track(GrainRequest request)
    {
        request.DeadlineTimestamp = _clock.After(request.ResponseTimeout ?? _defaultTimeout);
    }

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
            LogSweepStopped(_logger);
        }
    }

    internal void Sweep()
    {
        var now = _clock.Now();
        _expired.Clear();
        if (_catalog is null || _outstanding is null)
        {
            return;
        }

        foreach (var activation in _catalog.Activations)
        {
            activation.CollectExpired(now, _expired);
        }

        _outstanding.CollectExpired(now, _expired);
        foreach (var request in _expired)
        {
            if (request.IsCompleted || request.Abandoned)
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

        _expired.Clear();
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

    [LoggerMessage(SiloEventIds.TimeoutSweepStopped, LogLevel.Debug, "Response timeout sweep stopped")]
    private static partial void LogSweepStopped(ILogger logger);
}
