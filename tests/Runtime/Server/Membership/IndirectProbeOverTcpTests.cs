using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// An indirect probe over the real silo-to-silo path: three silos on loopback TCP, the request from A's monitor to B's
/// <c>sys.control</c> (generated proxy and codec of <see cref="IndirectProbeResult"/>), B's own monitor probing.
/// </summary>
public sealed class IndirectProbeOverTcpTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);

        // Orleans' 5 s probe timeout, not the test clusters' 500 ms: B's real probe of C must not miss because this
        // 2-core machine is busy starting other tests' clusters (it did, about once in seven runs).
        builder.Options.UseTestMembershipDefaults = false;

        // The test grains of this assembly need their storage and signals to be resolvable, though none is called.
        builder.ConfigureSilo(static silo =>
        {
            silo.Services.AddSingleton<TestSignals>();
            silo.AddMemoryGrainStorage("store");
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_intermediary_reports_over_tcp_whether_it_reached_the_target()
    {
        var (a, b, c) = (_cluster.Silos[0], _cluster.Silos[1], _cluster.Silos[2]);
        var monitor = a.ServiceProvider.GetRequiredService<ClusterHealthMonitor>();

        var reached = await monitor.SendIndirectProbeAsync(b.SiloAddress, c.SiloAddress, 1, CancellationToken.None).Within("an indirect probe of a live silo");
        Assert.Equal(IndirectProbeResult.Reached, reached);

        var nobody = new SiloAddress(new IPEndPoint(IPAddress.Loopback, ClosedPort()), a.SiloAddress.Generation);
        var failed = await monitor.SendIndirectProbeAsync(b.SiloAddress, nobody, 2, CancellationToken.None).Within("an indirect probe of an address nobody listens on");
        Assert.Equal(IndirectProbeResult.Failed("probe refused or connection failed"), failed);
    }

    /// <summary>A loopback port that was free a moment ago and has nobody listening now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
