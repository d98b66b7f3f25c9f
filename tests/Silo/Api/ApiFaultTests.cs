using System.Net;
using System.Net.Http.Json;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>What a caller sees when the cluster fails under a command: a 503 to retry, or a 500 for a bug.</summary>
public sealed class ApiFaultTests(FaultySiloFactory factory) : IClassFixture<FaultySiloFactory>, IDisposable
{
    private readonly HttpClient _client = factory.CreateClient();

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(FailingNamespacesFilter.UnavailablePrefix, "SiloUnavailableException", "was declared dead")]
    [InlineData(FailingNamespacesFilter.TimeoutPrefix, "TimeoutException", "timed out after 30 s")]
    public async Task A_runtime_failure_a_retry_may_cure_is_a_503_problem_with_the_runtime_message(
        string prefix, string exceptionName, string message)
    {
        using var response = await _client.SendAsync(SetRequest($"{prefix}x"));

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains(exceptionName, problem.Title, StringComparison.Ordinal);
        Assert.Contains("try again", problem.Title, StringComparison.Ordinal);
        Assert.Contains(message, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_is_a_500_problem_not_a_503()
    {
        using var response = await _client.SendAsync(SetRequest($"{FailingNamespacesFilter.BrokenPrefix}x"));

        await ApiResponses.ProblemAsync(response, HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task A_namespace_that_does_not_fail_is_written()
    {
        using var response = await _client.SendAsync(SetRequest("healthy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<Written>())!.Version);
    }

    private static HttpRequestMessage SetRequest(string ns) =>
        ApiResponses.Request(HttpMethod.Put, $"/api/memory/{ns}/finding", ApiSiloFactory.AdminKey, new { value = 1, expectedVersion = 0 });

    private sealed record Written(string Namespace, string Key, long Version);
}
