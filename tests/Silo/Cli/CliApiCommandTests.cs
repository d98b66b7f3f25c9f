using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using TgeSwarm.Cli;
using TgeSwarm.Cli.Api;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Silo.Tests.Api;

namespace TgeSwarm.Silo.Tests.Cli;

/// <summary>The <c>tgeswarm</c> API commands against the silo's real API, in-process, with an admin key.</summary>
public sealed class CliApiCommandTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>
{
    private const string Url = "http://localhost/";

    [Fact]
    public async Task Cluster_status_shows_the_silo_its_grain_types_and_the_swarms_health()
    {
        var (code, output, error) = await RunAsync("cluster", "status", "--url", Url, "--api-key", ApiSiloFactory.AdminKey);

        Assert.True(code == 0, error);
        Assert.Contains("api-test-silo", output, StringComparison.Ordinal);
        Assert.Contains("GRAIN TYPE", output, StringComparison.Ordinal);
        Assert.Contains("swarm ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_list_prints_stored_events_as_a_table_and_as_json()
    {
        var now = DateTimeOffset.UtcNow;
        await factory.Events.SaveAsync(
            new TgeEvent("clitok", "CLITOK", "Cli Token", TgeKind.Listing, "Binance", null, 0.9, "Binance Will List Cli Token (CLITOK)", now, now, 1, []),
            CancellationToken.None);

        var (code, output, error) = await RunAsync("events", "list", "--url", Url, "--api-key", ApiSiloFactory.AdminKey, "--token", "clitok");
        var (jsonCode, json, _) = await RunAsync("events", "list", "--url", Url, "--api-key", ApiSiloFactory.AdminKey, "--token", "clitok", "--json");

        Assert.True(code == 0, error);
        Assert.Contains("CLITOK", output, StringComparison.Ordinal);
        Assert.Contains("1 events", output, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        Assert.Contains("\"tokenSlug\": \"clitok\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_list_answers_on_an_empty_swarm_and_features_of_an_unknown_instrument_are_a_404()
    {
        var (agentsCode, agents, agentsError) = await RunAsync("agents", "list", "--url", Url, "--api-key", ApiSiloFactory.AdminKey);
        var (featuresCode, features, featuresError) = await RunAsync("features", "get", "NOPE-USDT", "--url", Url, "--api-key", ApiSiloFactory.AdminKey);

        Assert.True(agentsCode == 0, agentsError);
        Assert.Contains("agents", agents, StringComparison.Ordinal);
        Assert.Equal(1, featuresCode);
        Assert.Equal("", features);
        Assert.StartsWith("404 ", featuresError, StringComparison.Ordinal);
        Assert.Contains("NOPE-USDT", featuresError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_one_line_with_the_status_and_the_problem_and_exit_code_1()
    {
        var (unknownCode, _, unknown) = await RunAsync("agents", "stop", "ingestion", "nowhere#0", "--url", Url, "--api-key", ApiSiloFactory.AdminKey);
        var (wrongKeyCode, _, wrongKey) = await RunAsync("cluster", "status", "--url", Url, "--api-key", "tgs_not-a-key");

        Assert.Equal(1, unknownCode);
        Assert.StartsWith("404 ", unknown, StringComparison.Ordinal);
        Assert.Equal(1, wrongKeyCode);
        Assert.StartsWith("401 ", wrongKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spawn_with_wait_shows_where_the_agent_stuck_and_exits_3_when_it_is_not_running_in_time()
    {
        // Nothing listens on the shard's port: it can never stream, so it cannot be Running when the wait ends.
        var (code, output, error) = await RunAsync(
            "agents", "spawn", "ingestion", "bybit#7", "--config", DeadShard(), "--wait", "00:00:00", "--url", Url, "--api-key", ApiSiloFactory.AdminKey);

        Assert.True(code == 3, $"exit code {code}: {output}{error}");
        Assert.Contains("ingestion bybit#7 spawned: desired Running", output, StringComparison.Ordinal);
        Assert.Contains("ingestion bybit#7 is not Running after 0.0 s: still ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_with_wait_returns_once_the_agent_is_stopped()
    {
        var (spawnCode, _, spawnError) = await RunAsync(
            "agents", "spawn", "ingestion", "bybit#8", "--config", DeadShard(), "--url", Url, "--api-key", ApiSiloFactory.AdminKey);
        var (code, output, error) = await RunAsync(
            "agents", "stop", "ingestion", "bybit#8", "--wait", "00:00:30", "--url", Url, "--api-key", ApiSiloFactory.AdminKey);
        var (jsonCode, json, _) = await RunAsync(
            "agents", "stop", "ingestion", "bybit#8", "--wait", "00:00:30", "--json", "--url", Url, "--api-key", ApiSiloFactory.AdminKey);

        Assert.True(spawnCode == 0, spawnError);
        Assert.True(code == 0, $"exit code {code}: {output}{error}");
        Assert.Contains("ingestion bybit#8 is Stopped after ", output, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        Assert.Contains("\"actualState\": \"stopped\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" after ", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_command_says_where_to_get_one_and_exits_2()
    {
        var (code, _, error) = await RunAsync("cluster", "status", "--url", Url, "--api-key", " ");

        Assert.Equal(2, code);
        Assert.Contains(ApiOptions.KeyVariable, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_no_http_address_is_refused_before_any_call()
    {
        var (code, _, error) = await RunAsync("cluster", "status", "--url", "ftp://127.0.0.1/", "--api-key", ApiSiloFactory.AdminKey);

        Assert.NotEqual(0, code);
        Assert.Contains("--url must be an absolute http(s) address", error, StringComparison.Ordinal);
    }

    private static string DeadShard()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $$"""{"venue":"bybit","webSocketUrl":"ws://127.0.0.1:{{port}}/v5/public/linear","instruments":["SOL-USDT-PERP"]}""";
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = CliCommands.Create(new ApiConnector(() => factory.Server.CreateHandler()));
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
