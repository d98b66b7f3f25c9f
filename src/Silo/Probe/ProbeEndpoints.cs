using TgeSwarm.Grains.Interfaces.Probe;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Probe;

/// <summary>
/// <c>POST /probe/{key}/increment</c> and <c>GET /probe/{key}</c>: a persisted counter per key that deploy checks
/// and the end-to-end test drive through the load balancer. A runtime failure a retry may cure (the grain's silo
/// died, a call timed out, the grain could not activate or store) is a 503 with the runtime's message, so the
/// caller knows the increment was not acknowledged and may try again.
/// </summary>
internal static class ProbeEndpoints
{
    public static IEndpointRouteBuilder MapProbe(this IEndpointRouteBuilder endpoints)
    {
        var probe = endpoints.MapGroup("/probe");
        probe.MapPost("/{key}/increment", IncrementAsync);
        probe.MapGet("/{key}", GetAsync);
        return endpoints;
    }

    private static Task<IResult> IncrementAsync(string key, IGrainFactory grains, CancellationToken cancellationToken) =>
        CallAsync(key, grains, static (counter, ct) => counter.IncrementAsync(ct), cancellationToken);

    private static Task<IResult> GetAsync(string key, IGrainFactory grains, CancellationToken cancellationToken) =>
        CallAsync(key, grains, static (counter, ct) => counter.GetAsync(ct), cancellationToken);

    private static async Task<IResult> CallAsync(
        string key,
        IGrainFactory grains,
        Func<IProbeCounterGrain, CancellationToken, Task<ProbeCounterStatus>> call,
        CancellationToken cancellationToken)
    {
        if (ProbeKey.Validate(key) is { } problem)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["key"] = [problem] },
                title: "Invalid probe key.");
        }

        try
        {
            var status = await call(grains.GetGrain<IProbeCounterGrain>(key), cancellationToken);
            return TypedResults.Ok(new ProbeCounterResponse(key, status.Value, status.Silo));
        }
        catch (Exception e) when (IsRetriable(e))
        {
            return TypedResults.Problem(
                detail: e.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"The probe counter '{key}' is unavailable ({e.GetType().Name}); try again.");
        }
    }

    // InconsistentStateException is not transient in general, but here it only means a duplicate activation's write
    // lost: nothing was stored, and the next call reaches the reloaded winner.
    private static bool IsRetriable(Exception e) =>
        e is TimeoutException or InconsistentStateException || e is SwarmException { IsTransient: true };
}
