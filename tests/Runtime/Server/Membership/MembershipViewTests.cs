using System.Collections.Immutable;
using System.Net;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Membership;

public sealed class MembershipViewTests
{
    [Fact]
    public void An_older_or_equal_snapshot_is_not_published()
    {
        var view = new MembershipView();
        Assert.NotNull(view.TryPublish(Snapshot(5)));

        Assert.Null(view.TryPublish(Snapshot(4)));
        Assert.Null(view.TryPublish(Snapshot(5)));
        Assert.Equal(5, view.Current.Version);
    }

    [Fact]
    public async Task A_watcher_gets_the_current_snapshot_first_then_only_newer_ones()
    {
        var view = new MembershipView();
        view.TryPublish(Snapshot(2));
        using var stop = new CancellationTokenSource();
        var seen = new List<long>();
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = Task.Run(async () =>
        {
            await foreach (var snapshot in view.WatchAsync(stop.Token))
            {
                seen.Add(snapshot.Version);
                firstSeen.TrySetResult();
                if (snapshot.Version == 9)
                {
                    lastSeen.TrySetResult();
                }
            }
        });

        await firstSeen.Task.Within("the watcher to see the current snapshot");
        foreach (var version in new long[] { 3, 1, 5, 4, 5, 7, 6, 9, 8 })
        {
            view.TryPublish(Snapshot(version));
        }

        await lastSeen.Task.Within("the watcher to see version 9");
        await stop.CancelAsync();
        await watcher.Within("the watcher to end on cancellation");
        Assert.Equal(2, seen[0]);
        Assert.Equal(9, seen[^1]);
        Assert.True(seen.SequenceEqual(seen.Order().Distinct()), $"versions went back or repeated: {string.Join(",", seen)}");
    }

    [Fact]
    public async Task Many_watchers_each_reach_the_newest_snapshot_through_increasing_versions()
    {
        var view = new MembershipView();
        using var stop = new CancellationTokenSource();
        var watchers = Enumerable.Range(0, 8).Select(_ => WatchUntilAsync(view, 20, stop.Token)).ToArray();
        for (var version = 1; version <= 20; version++)
        {
            view.TryPublish(Snapshot(version));
        }

        var results = await Task.WhenAll(watchers).Within("eight watchers to see version 20");
        foreach (var versions in results)
        {
            Assert.Equal(20, versions[^1]);
            Assert.True(versions.SequenceEqual(versions.Order().Distinct()));
        }
    }

    private static async Task<List<long>> WatchUntilAsync(MembershipView view, long last, CancellationToken cancellationToken)
    {
        var seen = new List<long>();
        await foreach (var snapshot in view.WatchAsync(cancellationToken))
        {
            seen.Add(snapshot.Version);
            if (snapshot.Version == last)
            {
                break;
            }
        }

        return seen;
    }

    private static ClusterMembershipSnapshot Snapshot(long version)
    {
        var silo = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11001), 1);
        return new ClusterMembershipSnapshot(version, ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(silo, new ClusterMember(silo, SiloStatus.Active, "s", 0, default)));
    }
}
