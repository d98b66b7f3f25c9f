using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Cluster;

/// <summary>
/// The directory's ring always follows the newest view and this silo's own status, whichever of the two changes
/// last: the ring decides where every hash-placed grain lives, so one silo with a stale ring activates grains that
/// the others place elsewhere.
/// </summary>
public sealed class GrainDirectoryRingTests
{
    private const int SelfPort = 11010;

    [Fact]
    public async Task Becoming_active_while_a_view_arrives_always_ends_on_the_ring_of_the_view()
    {
        // The race seen in CI: the start-up thread rebuilds the ring for the silo turning active while the view
        // handler applies the view listing the others. Many rounds, each started on a barrier, so both orders and
        // the overlaps between them occur.
        for (var round = 0; round < 2000; round++)
        {
            var (directory, details) = NewDirectory();
            var view = Snapshot(3, details.SiloAddress, Address(11011), Address(11012));
            details.Status = SiloStatus.Active;
            using var start = new Barrier(2);
            var becomeActive = Task.Run(() =>
            {
                start.SignalAndWait();
                directory.RebuildRing();
            });
            var applyView = Task.Run(() =>
            {
                start.SignalAndWait();
                directory.UpdateView(view);
            });
            await Task.WhenAll(becomeActive, applyView).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.True(
                directory.Ring.Silos.SequenceEqual(view.ActiveSilos),
                $"Round {round}: ring [{string.Join(", ", directory.Ring.Silos)}], view [{string.Join(", ", view.ActiveSilos)}]");
        }
    }

    [Fact]
    public void An_older_view_does_not_take_the_ring_back()
    {
        var (directory, details) = NewDirectory();
        details.Status = SiloStatus.Active;
        directory.UpdateView(Snapshot(5, details.SiloAddress, Address(11011), Address(11012)));

        var previous = directory.UpdateView(Snapshot(4, details.SiloAddress));

        Assert.Equal(3, directory.Ring.Silos.Length);
        Assert.Same(directory.Ring, previous);
        Assert.Equal(5, directory.Snapshot.Version);
    }

    [Fact]
    public void The_ring_holds_this_silo_while_it_is_active_and_drops_it_when_it_leaves()
    {
        var (directory, details) = NewDirectory();
        directory.UpdateView(Snapshot(1, Address(11011)));
        Assert.DoesNotContain(details.SiloAddress, directory.Ring.Silos);

        details.Status = SiloStatus.Active;
        directory.RebuildRing();
        Assert.Contains(details.SiloAddress, directory.Ring.Silos);

        var beforeLeaving = directory.Leave();
        Assert.Contains(details.SiloAddress, beforeLeaving.Silos);
        Assert.Equal(Address(11011), Assert.Single(directory.Ring.Silos));
    }

    private static (GrainDirectory Directory, LocalSiloDetails Details) NewDirectory()
    {
        var details = new LocalSiloDetails(Options.Create(new SiloOptions { SiloName = "self", SiloPort = SelfPort }), TimeProvider.System);
        var directory = new GrainDirectory(details, new ServiceCollection().BuildServiceProvider(), TimeProvider.System, NullLogger<GrainDirectory>.Instance);
        return (directory, details);
    }

    private static SiloAddress Address(int port) => new(new IPEndPoint(IPAddress.Loopback, port), 1);

    private static ClusterMembershipSnapshot Snapshot(long version, params SiloAddress[] active) => new(
        version,
        active.ToImmutableDictionary(static silo => silo, static silo => new ClusterMember(silo, SiloStatus.Active, silo.ToString(), 0, default)));
}
