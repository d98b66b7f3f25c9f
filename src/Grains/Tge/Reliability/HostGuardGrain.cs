using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>
/// The gate to one host, shared by every source on it. Why a grain that fetches, rather than one that hands out
/// permits: one activation per host in the cluster holds the one Polly pipeline, so the breaker's samples, the
/// retry budget, the rate limit and the concurrency cap are the host's and not a silo's or a source's; and a source
/// makes one call per poll instead of three (permit, fetch, report). The cost is that bodies (capped) travel from the
/// guard's silo to the source's.
///
/// A fetch: refused at once while a Retry-After block is in force (<c>HostBlocked</c>) or the circuit is open
/// (<c>CircuitOpen</c>, with the time left); otherwise each attempt waits for a slot and the spacing, makes one
/// HTTP GET (<see cref="HostFetcher"/>), and the pipeline retries 5xx, timeouts and network errors with
/// exponential backoff and jitter (a Retry-After wins). The whole fetch fits <see cref="HostPolicy.FetchBudget"/>,
/// under the grain call timeout; when the budget runs out the last attempt's answer is returned. A 429 blocks the
/// host for its Retry-After, so the other sources of the host do not spend requests on it meanwhile.
///
/// Reentrant: fetches interleave at their awaits. The pipeline, gate and health are thread-safe because Polly runs
/// attempts off the grain's scheduler. Nothing is persisted: a guard's state is the host's recent health, rebuilt
/// within a few polls after a move.
/// </summary>
[Reentrant]
internal sealed class HostGuardGrain(
    IOptions<HostGuardOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<HostGuardGrain> logger)
    : Grain, IHostGuardGrain
{
    /// <summary>The named HttpClient every guard uses (redirects off, decompression on; see <c>TgeSourcesExtensions</c>).</summary>
    public const string HttpClientName = "tge-sources";

    private readonly CircuitBreakerStateProvider _circuit = new();
    private HostPolicy _policy = null!;
    private HostGate _gate = null!;
    private HostHealth _health = null!;
    private HostFetcher _fetcher = null!;
    private ResiliencePipeline<TgeFetchResponse> _pipeline = null!;
    private CancellationToken _hostStopping;

    private string Host => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _policy = options.Value.Resolve(Host);
        _gate = new HostGate(time, _policy.MaxConcurrency, _policy.MinSpacing);
        _health = new HostHealth(time, _policy.BreakerSamplingDuration);
        _fetcher = new HostFetcher(httpClients.CreateClient(HttpClientName), time);
        _pipeline = HostPipeline.Build(Host, _policy, time, _health, _circuit, logger);

        // A fetch may spend its whole budget retrying; when the process stops, waiting for that would hold the silo's
        // deactivation past the host's shutdown timeout, so stopping ends every fetch in flight at once.
        _hostStopping = ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        return Task.CompletedTask;
    }

    public async Task<TgeFetchResponse> FetchAsync(TgeFetchRequest fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var request = fetch;
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !string.Equals(HostKey.Of(url), Host, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Url '{request.Url}' is not on host '{Host}'.", nameof(fetch));
        }

        _health.Fetch();
        if (_gate.BlockedUntil is { } blockedUntil)
        {
            _health.RejectedByBlock();
            return Refused(request, TgeFetchOutcome.HostBlocked, blockedUntil - time.GetUtcNow(), "a Retry-After from the host is in force");
        }

        using var budget = new CancellationTokenSource(_policy.FetchBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token, _hostStopping);
        TgeFetchResponse? last = null;
        var attempts = 0;
        try
        {
            var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    last = await AttemptAsync(request, token).ConfigureAwait(false);
                    return last;
                },
                linked.Token);
            return response with { Attempts = attempts };
        }
        catch (BrokenCircuitException exception)
        {
            _health.RejectedByBreaker();
            return last is null
                ? Refused(request, TgeFetchOutcome.CircuitOpen, exception.RetryAfter ?? _policy.BreakDuration, "the host's circuit is open")
                : last with { Attempts = attempts };
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return last is null
                ? Refused(request, TgeFetchOutcome.HostBusy, null, $"no slot within the {_policy.FetchBudget.TotalSeconds:0.###} s budget")
                : last with { Attempts = attempts };
        }
    }

    public Task<int> TuneAsync(int? maxConcurrency, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(maxConcurrency ?? _policy.MaxConcurrency, 1, _policy.MaxConcurrency);
        var previous = _gate.Limit;
        if (limit != previous)
        {
            _gate.SetLimit(limit);
            HostGuardLog.HostTuned(logger, Host, previous, limit);
        }

        return Task.FromResult(limit);
    }

    public Task<TgeHostGuardStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_health.Snapshot(Host, Circuit(), _gate));

    private TgeCircuitState Circuit() => _circuit.CircuitState switch
    {
        CircuitState.Open => TgeCircuitState.Open,
        CircuitState.HalfOpen => TgeCircuitState.HalfOpen,
        CircuitState.Isolated => TgeCircuitState.Isolated,
        _ => TgeCircuitState.Closed,
    };

    private async Task<TgeFetchResponse> AttemptAsync(TgeFetchRequest request, CancellationToken cancellationToken)
    {
        using var permit = await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        var response = await _fetcher.FetchAsync(request, _policy, cancellationToken).ConfigureAwait(false);
        _health.Attempted(response, time.GetElapsedTime(started));
        if (response.Outcome == TgeFetchOutcome.RateLimited)
        {
            var until = time.GetUtcNow() + (response.RetryAfter ?? _policy.RateLimitBlock);
            if (_gate.Block(until))
            {
                HostGuardLog.HostBlocked(logger, Host, response.StatusCode, until);
            }
        }

        return response;
    }

    private static TgeFetchResponse Refused(TgeFetchRequest request, TgeFetchOutcome outcome, TimeSpan? retryAfter, string detail) =>
        new(outcome, 0, request.Url, [], null, null, null, retryAfter, 0, detail);
}
