using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>
/// A host's counters and its recent attempts (the last <see cref="Window"/>, those within the sampling duration
/// count), from which the error rate and mean latency are read. Thread-safe: attempts end off the grain's scheduler.
/// </summary>
internal sealed class HostHealth(TimeProvider time, TimeSpan samplingDuration)
{
    public const int Window = 100;

    private readonly Lock _lock = new();
    private readonly (DateTimeOffset At, bool Failed, TimeSpan Latency)[] _recent = new (DateTimeOffset, bool, TimeSpan)[Window];
    private int _next;
    private int _count;
    private long _fetches;
    private long _requests;
    private long _failures;
    private long _retries;
    private long _rejectedByBreaker;
    private long _rejectedByBlock;
    private int _circuitOpenings;
    private string? _lastFailure;
    private DateTimeOffset? _lastFailureAt;

    public void Fetch() => Interlocked.Increment(ref _fetches);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void RejectedByBreaker() => Interlocked.Increment(ref _rejectedByBreaker);

    public void RejectedByBlock() => Interlocked.Increment(ref _rejectedByBlock);

    public void CircuitOpened() => Interlocked.Increment(ref _circuitOpenings);

    /// <summary>Records one attempt's end: a failure is anything but Ok, NotModified or a client error (the host answered).</summary>
    public void Attempted(TgeFetchResponse response, TimeSpan latency)
    {
        var failed = response.Outcome is not (TgeFetchOutcome.Ok or TgeFetchOutcome.NotModified or TgeFetchOutcome.ClientError);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _requests++;
            _recent[_next] = (now, failed, latency);
            _next = (_next + 1) % Window;
            _count = Math.Min(_count + 1, Window);
            if (failed)
            {
                _failures++;
                _lastFailure = response.Detail is null ? response.Outcome.ToString() : $"{response.Outcome}: {response.Detail}";
                _lastFailureAt = now;
            }
        }
    }

    public TgeHostGuardStatus Snapshot(string host, TgeCircuitState circuit, HostGate gate)
    {
        lock (_lock)
        {
            var since = time.GetUtcNow() - samplingDuration;
            int total = 0, failed = 0;
            var latency = TimeSpan.Zero;
            for (var i = 0; i < _count; i++)
            {
                var (at, isFailure, took) = _recent[i];
                if (at >= since)
                {
                    total++;
                    failed += isFailure ? 1 : 0;
                    latency += took;
                }
            }

            return new TgeHostGuardStatus(
                host,
                circuit,
                Interlocked.Read(ref _fetches),
                _requests,
                _failures,
                Interlocked.Read(ref _retries),
                Interlocked.Read(ref _rejectedByBreaker),
                Interlocked.Read(ref _rejectedByBlock),
                total == 0 ? 0 : (double)failed / total,
                total == 0 ? TimeSpan.Zero : latency / total,
                gate.InFlight,
                gate.Queued,
                gate.Limit,
                gate.BlockedUntil,
                _lastFailure,
                _lastFailureAt,
                Volatile.Read(ref _circuitOpenings));
        }
    }
}
