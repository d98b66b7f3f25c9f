using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TgeSwarm.Silo.Configuration;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.RateLimiting;

/// <summary>
/// One fixed window per API key, so one busy client cannot starve the others; requests without a valid key share a
/// smaller window per remote address. Behind HAProxy every anonymous caller has the proxy's address and they share
/// one window: they are answered 401 anyway. Over the limit: 429 ProblemDetails with <c>Retry-After</c> in seconds.
/// </summary>
internal sealed class ApiRateLimitPolicy(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "api";

    private readonly ApiRateLimitOptions _options = options.Value.RateLimit;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (httpContext.User.FindFirst(ApiKeyDefaults.KeyIdClaim)?.Value is { } keyId)
        {
            return RateLimitPartition.GetFixedWindowLimiter("key:" + keyId, _ => Window(_options.PermitLimit));
        }

        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter("address:" + address, _ => Window(_options.AnonymousPermitLimit));
    }

    private FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = _options.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This API key (or, without one, this address) made more requests than Api:RateLimit allows; retry after {seconds} s.",
            },
        });
    }
}
