namespace TgeSwarm.Silo.Configuration;

/// <summary>
/// <c>Api:RateLimit</c>: a fixed window per API key (requests without a valid key share one window per remote
/// address). A request over the limit is answered 429 with <c>Retry-After</c>.
/// </summary>
internal sealed class ApiRateLimitOptions
{
    /// <summary>Default true. False turns rate limiting off (benchmarks of the silo itself).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per window per key. Default 6 000 per 1 s window: above the 5 k req/s a silo aims to serve.</summary>
    public int PermitLimit { get; set; } = 6_000;

    /// <summary>Requests per window per remote address without a valid key (all of them answered 401). Default 20.</summary>
    public int AnonymousPermitLimit { get; set; } = 20;

    /// <summary>The window. Default 1 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
