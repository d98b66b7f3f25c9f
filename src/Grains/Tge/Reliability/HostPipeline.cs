using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>
/// Builds a host's Polly pipeline: retries (outer) around a circuit breaker (inner), so every attempt, retries
/// included, is one sample of the breaker and a breaker that opens mid-retry stops the retries. Both run on the
/// injected clock. Outcomes are values, never exceptions, so the predicates read <see cref="TgeFetchResponse.Outcome"/>.
/// </summary>
internal static class HostPipeline
{
    public static ResiliencePipeline<TgeFetchResponse> Build(
        string host, HostPolicy policy, TimeProvider time, HostHealth health, CircuitBreakerStateProvider circuit, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<TgeFetchResponse> { Name = "tge-host", InstanceName = host, TimeProvider = time };
        if (policy.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<TgeFetchResponse>
            {
                MaxRetryAttempts = policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.RetryBaseDelay,
                MaxDelay = policy.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && IsRetryable(r, policy)),

                // A Retry-After is the host's own word: wait exactly that (IsRetryable already refused one too long to wait).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = _ =>
                {
                    health.Retry();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<TgeFetchResponse>
        {
            FailureRatio = policy.BreakerFailureRatio,
            MinimumThroughput = policy.BreakerMinimumThroughput,
            SamplingDuration = policy.BreakerSamplingDuration,
            BreakDuration = policy.BreakDuration,
            StateProvider = circuit,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && CountsAgainstHost(r)),
            OnOpened = args =>
            {
                health.CircuitOpened();
                HostGuardLog.CircuitOpened(logger, host, args.BreakDuration.TotalSeconds, args.Outcome.Result?.Outcome.ToString() ?? "an exception", args.Outcome.Result?.Detail);
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                HostGuardLog.CircuitHalfOpened(logger, host);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                HostGuardLog.CircuitClosed(logger, host);
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }

    /// <summary>Failures that say the host is unwell. A 429 is handled by the block, a 4xx or a cap by the source.</summary>
    public static bool CountsAgainstHost(TgeFetchResponse response) =>
        response.Outcome is TgeFetchOutcome.ServerError or TgeFetchOutcome.Timeout or TgeFetchOutcome.NetworkError;

    private static bool IsRetryable(TgeFetchResponse response, HostPolicy policy) => response.Outcome switch
    {
        TgeFetchOutcome.ServerError => response.RetryAfter is null || response.RetryAfter <= policy.RetryMaxDelay,
        TgeFetchOutcome.Timeout or TgeFetchOutcome.NetworkError => true,
        TgeFetchOutcome.RateLimited => response.RetryAfter is { } wait && wait <= policy.RetryMaxDelay,
        _ => false,
    };
}
