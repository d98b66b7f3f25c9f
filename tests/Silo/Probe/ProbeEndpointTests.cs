using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Silo.Tests.Probe;

public sealed class ProbeEndpointTests(ProbeSiloFactory factory) : IClassFixture<ProbeSiloFactory>, IDisposable
{
    private readonly HttpClient _client = factory.CreateClient();

    public void Dispose() => _client.Dispose();

    private string SiloIdentity => factory.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    [Fact]
    public async Task Increment_counts_up_from_one_and_names_the_silo_that_served_it()
    {
        var first = await IncrementAsync("count-up");
        var second = await IncrementAsync("count-up");

        Assert.Equal(new ProbeBody("count-up", 1, SiloIdentity), first);
        Assert.Equal(new ProbeBody("count-up", 2, SiloIdentity), second);
    }

    [Fact]
    public async Task Get_returns_the_last_acknowledged_value_without_changing_it()
    {
        await IncrementAsync("read-back");
        await IncrementAsync("read-back");

        var read = await _client.GetFromJsonAsync<ProbeBody>(new Uri("/probe/read-back", UriKind.Relative));
        var again = await _client.GetFromJsonAsync<ProbeBody>(new Uri("/probe/read-back", UriKind.Relative));

        Assert.Equal(new ProbeBody("read-back", 2, SiloIdentity), read);
        Assert.Equal(read, again);
    }

    [Fact]
    public async Task Each_key_has_its_own_counter()
    {
        await IncrementAsync("own-a");
        await IncrementAsync("own-a");
        var b = await IncrementAsync("own-b");

        Assert.Equal(1, b.Value);
    }

    [Fact]
    public async Task A_key_never_incremented_reads_zero()
    {
        var read = await _client.GetFromJsonAsync<ProbeBody>(new Uri("/probe/never.touched_key-0", UriKind.Relative));

        Assert.Equal(new ProbeBody("never.touched_key-0", 0, SiloIdentity), read);
    }

    [Fact]
    public async Task A_key_of_128_characters_is_accepted()
    {
        var key = new string('k', 128);

        var body = await IncrementAsync(key);

        Assert.Equal(1, body.Value);
    }

    public static TheoryData<string, string> InvalidKeys => new()
    {
        { "a%20b", "letters" },
        { "caf%C3%A9", "letters" },
        { "semi%3Bcolon", "letters" },
        { new string('k', 129), "at most 128 characters (was 129)" },
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task An_invalid_key_is_a_400_problem_naming_the_key(string encodedKey, string expectedReason)
    {
        using var increment = await _client.PostAsync(new Uri($"/probe/{encodedKey}/increment", UriKind.Relative), content: null);
        using var get = await _client.GetAsync(new Uri($"/probe/{encodedKey}", UriKind.Relative));

        foreach (var response in new[] { increment, get })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
            Assert.NotNull(problem);
            var reason = Assert.Single(problem.Errors["key"]);
            Assert.Contains(expectedReason, reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(FailingKeysFilter.UnavailablePrefix, "SiloUnavailableException", "was declared dead")]
    [InlineData(FailingKeysFilter.TimeoutPrefix, "TimeoutException", "timed out after 30 s")]
    public async Task A_runtime_failure_a_retry_may_cure_is_a_503_problem_with_the_runtime_message(
        string keyPrefix, string exceptionName, string message)
    {
        using var response = await _client.PostAsync(new Uri($"/probe/{keyPrefix}x/increment", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal(503, problem.Status);
        Assert.Contains(exceptionName, problem.Title, StringComparison.Ordinal);
        Assert.Contains(message, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_is_a_500_problem_not_a_503()
    {
        using var response = await _client.PostAsync(new Uri($"/probe/{FailingKeysFilter.BrokenPrefix}x/increment", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<ProbeBody> IncrementAsync(string key)
    {
        using var response = await _client.PostAsync(new Uri($"/probe/{key}/increment", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ProbeBody>();
        return Assert.IsType<ProbeBody>(body);
    }

    private sealed record ProbeBody(string Key, long Value, string Silo);
}
