using System.Net;
using Microsoft.AspNetCore.Hosting;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class ApiRateLimitTests(ApiRateLimitTests.Factory factory) : IClassFixture<ApiRateLimitTests.Factory>
{
    [Fact]
    public async Task A_key_over_its_limit_gets_a_429_problem_with_retry_after_and_other_keys_are_unaffected()
    {
        // The admin key spends one permit here; the fresh key gets a window of its own.
        var key = await factory.Admin().CreateKeyAsync("busy", "viewer");
        var busy = factory.Client(key.Key);
        for (var i = 0; i < Factory.Permits; i++)
        {
            await busy.GetCurrentKeyAsync();
        }

        var refused = await Assert.ThrowsAsync<SwarmApiException>(() => busy.GetCurrentKeyAsync());
        var other = await factory.Client((await factory.Admin().CreateKeyAsync("calm", "viewer")).Key).GetCurrentKeyAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many requests.", refused.Problem.Title);
        Assert.NotNull(refused.RetryAfter);
        Assert.InRange(refused.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal("calm", other.Name);
    }

    [Fact]
    public async Task Requests_without_a_key_share_a_window_per_address()
    {
        using var http = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Factory.AnonymousPermits; i++)
        {
            using var response = await http.GetAsync(new Uri("/api/cluster/silos", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, Factory.AnonymousPermits).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    /// <summary>Small limits in a window far longer than the test, so no window rolls over mid-test.</summary>
    public sealed class Factory : ApiSiloFactory
    {
        public const int Permits = 3;
        public const int AnonymousPermits = 2;

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Api:RateLimit:PermitLimit", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:RateLimit:AnonymousPermitLimit", AnonymousPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:RateLimit:Window", "01:00:00");
        }
    }
}
