using System.Net;
using System.Net.Sockets;
using TgeSwarm.Client.Api;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>
/// The queen's commands through the API. Shards point at a loopback port where nothing listens: the queen registers
/// and starts them (the API's part); whether they stream is the queen's and the ingestion grain's own tests' concern.
/// </summary>
public sealed class AgentEndpointTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>
{
    private const string Ingestion = "ingestion";

    [Fact]
    public async Task An_operator_spawns_stops_and_restarts_an_agent_and_the_queen_records_the_key_as_actor()
    {
        var key = await factory.Admin().CreateKeyAsync("alice", "operator");
        var api = factory.Client(key.Key);

        var spawned = await api.SpawnAgentAsync(Ingestion, "bybit#1", Shard("bybit", "BTC-USDT-PERP"), "first shard");
        var listed = await api.ListAgentsAsync(Ingestion);
        var stopped = await api.StopAgentAsync(Ingestion, "bybit#1", "done");
        var restarted = await api.RestartAgentAsync(Ingestion, "bybit#1");
        var read = await api.GetAgentAsync(Ingestion, "bybit#1");
        await api.StopAgentAsync(Ingestion, "bybit#1");

        Assert.Equal(("bybit#1", "bybit", AgentState.Running), (spawned.Key, spawned.Group, spawned.DesiredState));
        Assert.Contains(listed, a => a.Key == "bybit#1");
        Assert.Equal(AgentState.Stopped, stopped.DesiredState);
        Assert.Equal(AgentState.Running, restarted.DesiredState);
        Assert.Equal(restarted.Configuration, read.Configuration);
        var actions = (await api.GetQueenActionsAsync(limit: 100)).Items.Where(a => a.Target == "ingestion/bybit#1").ToList();
        Assert.Contains(actions, a => a is { Action: "spawn", Reason: "first shard" } && a.Actor == $"alice ({key.Id})");
        var audit = await factory.Admin().GetAuditAsync(limit: 500);
        Assert.Contains(audit.Items, e => e is { Route: "/api/agents/{type}/{key}/spawn", Target: "type=ingestion,key=bybit#1", Status: 200 } && e.KeyId == key.Id);
    }

    [Fact]
    public async Task The_dashboard_stops_an_agent_with_its_cookie_the_csrf_header_and_no_body()
    {
        var api = factory.Admin();
        await api.SpawnAgentAsync(Ingestion, "bybit#5", Shard("bybit", "XRP-USDT-PERP"));
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/agents/ingestion/bybit%235/stop", UriKind.Relative));
        request.Headers.Add("Cookie", $"tgeswarm_api_key={ApiSiloFactory.AdminKey}");
        request.Headers.Add("X-Requested-With", "tgeswarm-dashboard");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AgentState.Stopped, (await api.GetAgentAsync(Ingestion, "bybit#5")).DesiredState);
    }

    [Fact]
    public async Task A_viewer_cannot_command_agents_but_can_read_them()
    {
        var viewer = factory.Client((await factory.Admin().CreateKeyAsync("bob", "viewer")).Key);

        var refused = await Assert.ThrowsAsync<SwarmApiException>(() => viewer.SpawnAgentAsync(Ingestion, "bybit#2", Shard("bybit", "BTC-USDT-PERP")));
        var types = await viewer.GetAgentTypesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("This call needs the operator role.", refused.Problem.Title);
        Assert.Contains(types, t => t is { Type: Ingestion, Sharded: true });
        Assert.DoesNotContain(await viewer.ListAgentsAsync(), a => a.Key == "bybit#2");
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_registered()
    {
        var api = factory.Admin();

        var badKey = await Assert.ThrowsAsync<SwarmApiException>(() => api.SpawnAgentAsync(Ingestion, "no-shard-number", Shard("bybit", "BTC-USDT-PERP")));
        var unknownType = await Assert.ThrowsAsync<SwarmApiException>(() => api.SpawnAgentAsync("teleporter", "x#0", "{}"));
        var notAnObject = await Assert.ThrowsAsync<SwarmApiException>(() => api.SpawnAgentAsync(Ingestion, "bybit#3", "[1,2]"));

        Assert.Equal(["key"], badKey.Problem.Errors!.Keys);
        Assert.Equal(["type"], unknownType.Problem.Errors!.Keys);
        Assert.Equal(["configuration"], notAnObject.Problem.Errors!.Keys);
        Assert.All(new[] { badKey, unknownType, notAnObject }, e => Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode));
        Assert.DoesNotContain(await api.ListAgentsAsync(), a => a.Key is "no-shard-number" or "x#0" or "bybit#3");
    }

    [Fact]
    public async Task An_unknown_agent_is_a_404_and_another_configuration_for_a_running_agent_a_409()
    {
        var api = factory.Admin();
        await api.SpawnAgentAsync(Ingestion, "bybit#4", Shard("bybit", "ETH-USDT-PERP"));

        var missing = await Assert.ThrowsAsync<SwarmApiException>(() => api.GetAgentAsync(Ingestion, "bybit#404"));
        var conflict = await Assert.ThrowsAsync<SwarmApiException>(() => api.SpawnAgentAsync(Ingestion, "bybit#4", Shard("bybit", "SOL-USDT-PERP")));
        await api.StopAgentAsync(Ingestion, "bybit#4");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("bybit#404", missing.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("ingestion/bybit#4", conflict.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scaling_a_group_distributes_its_instruments_over_the_shards()
    {
        var api = factory.Admin();

        var scaled = await api.ScaleAgentsAsync(Ingestion, "kraken", 2, Shard("kraken", "ADA-BTC", "BTC-CHF", "ETH-CHF", "XMR-USD"), "more room");
        var tasks = await api.GetTaskDistributionAsync();
        var down = await api.ScaleAgentsAsync(Ingestion, "kraken", 1);

        Assert.Equal(2, scaled.Distribution.Shards);
        Assert.Equal(["ADA-BTC", "BTC-CHF", "ETH-CHF", "XMR-USD"], scaled.Distribution.Assignments.Select(a => a.Item));
        Assert.All(scaled.Distribution.Assignments, a => Assert.Contains(a.Key, new[] { "kraken#0", "kraken#1" }));
        Assert.Contains(tasks, g => g is { Type: Ingestion, Group: "kraken", Shards: 2 });
        Assert.Equal(1, down.Distribution.Shards);
        Assert.All(down.Distribution.Assignments, a => Assert.Equal("kraken#0", a.Key));
        Assert.Equal(["kraken#1"], down.Stopped);
    }

    /// <summary>A shard of <paramref name="venue"/> (the key's group) on a port where nothing listens.</summary>
    private static string Shard(string venue, params string[] instruments)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var list = string.Join(",", instruments.Select(i => $"\"{i}\""));
        var path = venue == "bybit" ? "/v5/public/linear" : "/";
        return $$"""{"venue":"{{venue}}","webSocketUrl":"ws://127.0.0.1:{{port}}{{path}}","instruments":[{{list}}]}""";
    }
}
