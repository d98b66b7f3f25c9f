using System.Text.Json;
using TgeSwarm.Runtime.Dashboard.Tests.Hosting;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Dashboard.Tests.Cluster;

[Collection(DashboardClusterFixture.Collection)]
public sealed class ClusterSnapshotTests(DashboardClusterFixture fixture)
{
    [Fact]
    public async Task The_snapshot_lists_every_silo_and_the_activations_of_each_grain_type_per_silo()
    {
        var keys = Enumerable.Range(0, 6).Select(static _ => Guid.NewGuid()).ToArray();
        foreach (var key in keys)
        {
            Assert.Equal(key, await fixture.Cluster.Client.GetGrain<IGuidKeyGrain>(key).GetKeyAsync());
        }

        using var client = new HttpClient { BaseAddress = fixture.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/snapshot", UriKind.Relative));
        request.Headers.Add("X-Api-Key", TestApiKeyHandler.ViewerKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var snapshot = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = snapshot.RootElement;

        var silos = root.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(["Primary", "Secondary_1"], silos.Select(static s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(silos, static s => Assert.Equal("Active", s.GetProperty("status").GetString()));
        Assert.Equal(fixture.Cluster.Primary.SiloAddress.ToString(), root.GetProperty("silo").GetProperty("address").GetString());

        var guidGrains = Assert.Single(root.GetProperty("grainTypes").EnumerateArray(), static g => g.GetProperty("type").GetString() == "guidkey");
        Assert.Equal(keys.Length, guidGrains.GetProperty("activations").GetInt32());
        var perSilo = guidGrains.GetProperty("perSilo").EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetInt32());
        Assert.Equal(keys.Length, perSilo.Values.Sum());
        Assert.All(perSilo.Keys, address => Assert.Contains(address, fixture.Cluster.Silos.Select(static s => s.SiloAddress.ToString())));

        // Panels by order; a panel that throws shows its error in its place and the others still load.
        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        Assert.Equal(["widgets", "broken"], panels.Select(static p => p.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, panels[0].GetProperty("error").ValueKind);
        Assert.Equal("w1", panels[0].GetProperty("table").GetProperty("rows")[0].GetProperty("cells")[0].GetString());
        Assert.Equal("InvalidOperationException: broken on purpose", panels[1].GetProperty("error").GetString());
        Assert.Empty(root.GetProperty("problems").EnumerateArray());
    }
}
