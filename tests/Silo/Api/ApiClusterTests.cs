using TgeSwarm.Runtime;
using TgeSwarm.Silo.Tests.Support;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>
/// The API on a cluster of two silos sharing PostgreSQL: whichever silo a request reaches, it drives the grains wherever
/// they live, and reads on one silo see what was written through the other.
/// </summary>
public sealed class ApiClusterTests : IAsyncLifetime
{
    private const int Namespaces = 20;

    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresApiSilo.CreateSchemaAsync();

    public Task DisposeAsync() => PostgresApiSilo.DropSchemaAsync(_connectionString);

    [Fact]
    public async Task Writes_through_one_silo_are_read_through_the_other_and_the_grains_spread_over_both()
    {
        var clusterId = $"api-cluster-{Guid.NewGuid():N}";
        await using var first = new PostgresApiSilo(_connectionString, clusterId);
        await using var second = new PostgresApiSilo(_connectionString, clusterId);
        var a = first.Admin();
        var b = second.Admin();
        var silos = await Eventually.ReadAsync(() => b.GetSilosAsync(), s => s.Count == 2);
        Assert.True(silos.Count == 2, $"the second silo sees {silos.Count} active silos");
        await Eventually.ReadAsync(() => a.GetSilosAsync(), s => s.Count == 2);

        var names = Enumerable.Range(0, Namespaces).Select(i => $"spread-{i:00}").ToList();
        var written = new List<long>();
        foreach (var ns in names)
        {
            written.Add((await a.SetMemoryAsync(ns, "finding", $"{ns.Length}", expectedVersion: 0)).Version);
        }

        var read = new List<long>();
        foreach (var ns in names)
        {
            read.Add((await b.GetMemoryAsync(ns, "finding")).Version);
        }

        var memory = Assert.Single(await b.GetGrainTypesAsync(), t => t.GrainType == "memory");

        Assert.Equal(written, read);
        Assert.Equal(Namespaces, memory.Total);

        // 20 namespaces hashed over two silos all land on one with a chance of 2 in a million.
        Assert.Equal(silos.Select(s => s.SiloAddress).Order(StringComparer.Ordinal), memory.Silos.Select(s => s.SiloAddress).Order(StringComparer.Ordinal));
        Assert.All(silos, s => Assert.Equal(SiloStatus.Active, s.Status));
    }
}
