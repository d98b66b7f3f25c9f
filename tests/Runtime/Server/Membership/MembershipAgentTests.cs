using System.Net;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Membership;

public sealed class MembershipAgentTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Three_silos_join_become_active_and_every_view_converges()
    {
        await using var cluster = new MembershipTestCluster();
        var silos = await cluster.StartSilosAsync(3);

        var table = await cluster.ReadTableAsync();
        Assert.Equal(3, table.Members.Count);
        Assert.All(table.Members, row => Assert.Equal(SiloStatus.Active, row.Entry.Status));

        // The first two silos learn of later joins only from the periodic refresh.
        await cluster.AdvanceUntilAsync(
            () => silos.All(s => s.View.Current.Version == table.Version.Version),
            Second,
            "every silo's view to reach the table version");
        var expected = silos.Select(s => s.Address).Order().ToArray();
        Assert.All(silos, s => Assert.Equal(expected, s.View.Current.ActiveSilos));
        Assert.All(silos, s => Assert.Equal(SiloStatus.Active, s.Details.Status));
        Assert.All(silos, s => Assert.Equal(s.Details.Name, s.View.Current.Members[s.Address].Name));
    }

    [Fact]
    public async Task Own_status_follows_Joining_Active_ShuttingDown_Dead_and_a_graceful_stop_writes_its_reason()
    {
        await using var cluster = new MembershipTestCluster();
        var silo = cluster.CreateSilo(11001);
        Assert.Equal(SiloStatus.Created, silo.Details.Status);

        await silo.Agent.JoinAsync(CancellationToken.None).Within("join");
        Assert.Equal(SiloStatus.Joining, silo.Details.Status);
        Assert.Equal(SiloStatus.Joining, cluster.Faultable.Get(silo.Address)!.Status);

        await silo.Agent.BecomeActiveAsync(CancellationToken.None).Within("become active");
        Assert.Equal(SiloStatus.Active, silo.Details.Status);
        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(silo.Address)!.Status);

        await silo.Agent.ShutDownAsync(CancellationToken.None).Within("shut down");
        Assert.Equal(SiloStatus.ShuttingDown, silo.Details.Status);
        Assert.Equal(SiloStatus.ShuttingDown, cluster.Faultable.Get(silo.Address)!.Status);

        await silo.Agent.LeaveAsync(CancellationToken.None).Within("leave");
        var row = cluster.Faultable.Get(silo.Address)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(DeathReasons.StoppedGracefully, row.DeathReason);
        Assert.Equal(SiloStatus.Dead, silo.Details.Status);
        Assert.Equal(0, silo.Terminator.Calls);
    }

    [Fact]
    public async Task Others_see_a_gracefully_stopped_silo_as_Dead()
    {
        await using var cluster = new MembershipTestCluster();
        var silos = await cluster.StartSilosAsync(2);

        await silos[1].Agent.ShutDownAsync(CancellationToken.None).Within("shut down");
        await silos[1].Agent.LeaveAsync(CancellationToken.None).Within("leave");

        await cluster.AdvanceUntilAsync(() => silos[0].View.Current.GetStatus(silos[1].Address) == SiloStatus.Dead, Second, "silo 1 to see silo 2 dead");
        Assert.Equal([silos[0].Address], silos[0].View.Current.ActiveSilos.ToArray());
        Assert.Equal(0, silos[0].Terminator.Calls);
    }

    [Fact]
    public async Task A_restart_on_the_same_endpoint_supersedes_the_old_row()
    {
        await using var cluster = new MembershipTestCluster();
        var (old, other) = (await cluster.StartSiloAsync(11001), await cluster.StartSiloAsync(11002));

        // The old process vanishes without a word; the new one starts on its port a few seconds later.
        await old.DisposeAsync();
        cluster.Time.Advance(TimeSpan.FromSeconds(3));
        var restarted = await cluster.StartSiloAsync(11001);

        Assert.True(restarted.Address.IsSameEndpoint(old.Address));
        Assert.True(restarted.Address.Generation > old.Address.Generation);
        var oldRow = cluster.Faultable.Get(old.Address)!;
        Assert.Equal(SiloStatus.Dead, oldRow.Status);
        Assert.Equal(DeathReasons.SupersededByRestart(restarted.Address), oldRow.DeathReason);
        Assert.StartsWith("superseded by a restart on the same endpoint", oldRow.DeathReason, StringComparison.Ordinal);
        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(restarted.Address)!.Status);
        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(other.Address)!.Status);
        Assert.Equal(1, restarted.Log.Count(MembershipEventIds.SupersededRow, LogLevel.Information));
    }

    [Fact]
    public async Task Stale_rows_of_a_previous_cluster_are_declared_dead_at_join_after_one_unanswered_probe_each()
    {
        await using var cluster = new MembershipTestCluster();
        var longAgo = cluster.Time.GetUtcNow();
        var leftovers = new[] { Leftover(12001, longAgo, SiloStatus.Active), Leftover(12002, longAgo, SiloStatus.Active), Leftover(12003, longAgo, SiloStatus.Joining) };
        foreach (var entry in leftovers)
        {
            cluster.Faultable.Seed(entry);
            cluster.Network.TakeDown(entry.SiloAddress);
        }

        // The whole cluster was down for 10 minutes: far beyond IAmAlive 30 s × 3.
        cluster.Time.Advance(TimeSpan.FromMinutes(10));
        var silo = await cluster.StartSiloAsync(11001);

        foreach (var entry in leftovers)
        {
            var row = cluster.Faultable.Get(entry.SiloAddress)!;
            Assert.Equal(SiloStatus.Dead, row.Status);
            Assert.StartsWith("stale IAmAlive at join, cluster restart", row.DeathReason, StringComparison.Ordinal);
            Assert.Single(cluster.Network.Probes, p => p.To.Equals(entry.SiloAddress));
        }

        Assert.Equal([silo.Address], silo.View.Current.ActiveSilos.ToArray());
        Assert.Equal(3, cluster.Network.Probes.Count);
        Assert.Equal(3, silo.Log.Count(MembershipEventIds.StaleRowDeclaredDead, LogLevel.Information));
    }

    [Fact]
    public async Task A_stale_row_whose_silo_still_answers_is_left_alone_at_join()
    {
        await using var cluster = new MembershipTestCluster();
        var lagging = Leftover(12001, cluster.Time.GetUtcNow(), SiloStatus.Active);
        cluster.Faultable.Seed(lagging);
        cluster.Time.Advance(TimeSpan.FromMinutes(10));

        var silo = await cluster.StartSiloAsync(11001);

        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(lagging.SiloAddress)!.Status);
        Assert.Equal(1, silo.Log.Count(MembershipEventIds.StaleRowAnswers, LogLevel.Warning));
    }

    [Fact]
    public async Task A_fresh_row_of_a_live_silo_is_not_declared_dead_at_join()
    {
        await using var cluster = new MembershipTestCluster();
        var first = await cluster.StartSiloAsync(11001);
        cluster.Time.Advance(TimeSpan.FromSeconds(20));
        var second = await cluster.StartSiloAsync(11002);

        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(first.Address)!.Status);
        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(second.Address)!.Status);
    }

    [Fact]
    public async Task Joining_fails_with_a_clear_error_when_a_row_with_the_same_address_exists()
    {
        await using var cluster = new MembershipTestCluster();
        var first = cluster.CreateSilo(11001);
        var twin = cluster.CreateSilo(11001);
        Assert.Equal(first.Address, twin.Address);
        await first.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => twin.Agent.JoinAsync(CancellationToken.None)).Within("twin join to fail");
        Assert.Contains(first.Address.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("same endpoint within the same second", error.Message, StringComparison.Ordinal);
        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(first.Address)!.Status);
    }

    [Fact]
    public async Task Join_waits_while_the_table_is_down_and_completes_when_it_is_back()
    {
        await using var cluster = new MembershipTestCluster();
        var silo = cluster.CreateSilo(11001);
        cluster.Faultable.Unavailable = true;

        var join = silo.Agent.JoinAsync(CancellationToken.None);
        await cluster.AdvanceUntilAsync(() => cluster.Faultable.FailedCalls >= 3, Second, "three failed join attempts");
        Assert.False(join.IsCompleted);

        cluster.Faultable.Unavailable = false;
        await cluster.AdvanceUntilAsync(() => join.IsCompleted, Second, "join to complete after the table is back");
        await join;
        Assert.Equal(SiloStatus.Joining, cluster.Faultable.Get(silo.Address)!.Status);
        Assert.Equal(1, silo.Log.Count(MembershipEventIds.TableUnavailable, LogLevel.Warning));
        Assert.Equal(1, silo.Log.Count(MembershipEventIds.TableRecovered, LogLevel.Information));
    }

    [Fact]
    public async Task Join_gives_up_after_MaxJoinAttemptTime_with_a_timeout_naming_the_setting()
    {
        await using var cluster = new MembershipTestCluster(configure: o => o.MaxJoinAttemptTime = TimeSpan.FromSeconds(10));
        var silo = cluster.CreateSilo(11001);
        cluster.Faultable.Unavailable = true;

        var join = silo.Agent.JoinAsync(CancellationToken.None);
        await cluster.AdvanceUntilAsync(() => join.IsCompleted, Second, "join to give up");
        var error = await Assert.ThrowsAsync<TimeoutException>(() => join);
        Assert.Contains("MaxJoinAttemptTime", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, silo.Log.Count(MembershipEventIds.JoinFailed, LogLevel.Critical));
    }

    [Fact]
    public async Task A_table_outage_is_logged_once_the_silo_keeps_its_view_and_catches_up_when_the_table_is_back()
    {
        await using var cluster = new MembershipTestCluster();
        var silos = await cluster.StartSilosAsync(2);
        await cluster.AdvanceUntilAsync(() => silos[0].View.Current.ActiveSilos.Length == 2, Second, "silo 1 to see both silos");
        var viewBefore = silos[0].View.Current;

        // Two minutes down: longer than the stale limit (30 s × 3), so every row is stale when the table comes back.
        cluster.Faultable.Unavailable = true;
        var outageEnds = cluster.Time.GetUtcNow() + TimeSpan.FromMinutes(2);
        await cluster.AdvanceUntilAsync(() => cluster.Time.GetUtcNow() >= outageEnds, TimeSpan.FromSeconds(15), "two minutes of outage");
        Assert.True(cluster.Faultable.FailedCalls >= 4, $"only {cluster.Faultable.FailedCalls} table calls failed during the outage");
        Assert.Same(viewBefore, silos[0].View.Current);
        Assert.Equal(SiloStatus.Active, silos[0].Details.Status);
        Assert.Equal(1, silos[0].Log.Count(MembershipEventIds.TableUnavailable, LogLevel.Warning));

        cluster.Faultable.Unavailable = false;
        var third = await cluster.StartSiloAsync(11003);
        await cluster.AdvanceUntilAsync(() => silos[0].View.Current.ActiveSilos.Contains(third.Address), Second, "silo 1 to see the silo that joined after the outage");
        Assert.Equal(3, silos[0].View.Current.ActiveSilos.Length);
        Assert.Equal(1, silos[0].Log.Count(MembershipEventIds.TableRecovered, LogLevel.Information));
        Assert.Equal(0, silos[0].Terminator.Calls);
    }

    [Fact]
    public async Task IAmAlive_is_written_every_period_without_changing_the_table_version()
    {
        await using var cluster = new MembershipTestCluster();
        var silo = await cluster.StartSiloAsync(11001);
        var before = await cluster.ReadTableAsync();
        var written = before.Find(silo.Address)!.Entry.IAmAliveTime;

        await cluster.AdvanceUntilAsync(
            () => cluster.Faultable.Get(silo.Address)!.IAmAliveTime >= written + cluster.Options.IAmAlivePublishTimeout * 2,
            TimeSpan.FromSeconds(5),
            "two IAmAlive writes");
        Assert.Equal(before.Version, (await cluster.ReadTableAsync()).Version);
    }

    [Fact]
    public async Task Rows_dead_for_longer_than_DefunctSiloExpiration_are_deleted()
    {
        await using var cluster = new MembershipTestCluster(configure: o => o.DefunctSiloExpiration = TimeSpan.FromHours(2));
        var gone = Leftover(12001, cluster.Time.GetUtcNow(), SiloStatus.Dead);
        cluster.Faultable.Seed(gone);
        var silo = await cluster.StartSiloAsync(11001);

        await cluster.AdvanceUntilAsync(() => cluster.Faultable.Get(gone.SiloAddress) is null, TimeSpan.FromHours(1), "the defunct row to be deleted", maxSteps: 10);
        Assert.NotNull(cluster.Faultable.Get(silo.Address));
        Assert.Equal(1, silo.Log.Count(MembershipEventIds.DefunctRowsDeleted, LogLevel.Information));
    }

    private static MembershipEntry Leftover(int port, DateTimeOffset lastAlive, SiloStatus status) => new()
    {
        SiloAddress = new SiloAddress(new IPEndPoint(IPAddress.Loopback, port), SiloAddress.NewGeneration(lastAlive) - 100),
        Status = status,
        SiloName = $"old-{port}",
        StartTime = lastAlive - TimeSpan.FromHours(1),
        IAmAliveTime = lastAlive,
    };
}
