using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>Claim and release: the recorded owner decides who may release a source, so a move between owners is safe in either order.</summary>
public sealed class SourceOwnershipTests(SourceClusterFixture fixture) : IClassFixture<SourceClusterFixture>
{
    private const string First = "scraper/own#0";
    private const string Second = "scraper/own#1";
    private static readonly CancellationToken None = CancellationToken.None;

    private ISourceGrain Source(string key) => fixture.Cluster.GrainFactory.GetGrain<ISourceGrain>(key);

    [Fact]
    public async Task A_claim_starts_the_source_and_records_its_owner_and_only_that_owner_can_release_it()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("own-claim");

        await source.ClaimAsync(First, LocalSources.Settings(server, "news-rss"), None);

        var claimed = await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        Assert.Equal((TgeSourceRunState.Running, First), (claimed.State, claimed.Owner));
        Assert.False(await source.ReleaseAsync(Second, None));
        Assert.Equal((TgeSourceRunState.Running, First), ((await source.GetStatusAsync(None)).State, (await source.GetStatusAsync(None)).Owner));

        Assert.True(await source.ReleaseAsync(First, None));

        var released = await source.GetStatusAsync(None);
        Assert.Equal((TgeSourceRunState.Unconfigured, (string?)null, (TgeSourceSettings?)null), (released.State, released.Owner, released.Settings));
        Assert.False(await source.ReleaseAsync(First, None));
    }

    [Fact]
    public async Task A_new_owners_claim_makes_the_old_owners_later_release_a_no_op_without_restarting_the_source()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("own-move-claim-first");
        var settings = LocalSources.Settings(server, "news-rss");
        await source.ClaimAsync(First, settings, None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        await source.ClaimAsync(Second, settings, None);
        var released = await source.ReleaseAsync(First, None);

        var moved = await source.GetStatusAsync(None);
        Assert.False(released);
        Assert.Equal((TgeSourceRunState.Running, Second), (moved.State, moved.Owner));

        // Same settings: the loop went on, no extra poll, nothing emitted again.
        Assert.Equal((1L, (long)LocalSources.RssItems), (moved.Polls, moved.ItemsEmitted));
        Assert.True(await source.ReleaseAsync(Second, None));
    }

    [Fact]
    public async Task A_release_before_the_new_owners_claim_stops_the_source_and_the_claim_restarts_it_emitting_nothing_twice()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("own-move-release-first");
        var settings = LocalSources.Settings(server, "news-rss");
        await source.ClaimAsync(First, settings, None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        Assert.True(await source.ReleaseAsync(First, None));
        Assert.Equal(TgeSourceRunState.Unconfigured, (await source.GetStatusAsync(None)).State);
        await source.ClaimAsync(Second, settings, None);

        var restarted = await SourceSilo.QuiescentAsync(source, fixture.Time, 2);
        Assert.Equal((TgeSourceRunState.Running, Second), (restarted.State, restarted.Owner));
        Assert.Equal(TgePollOutcome.NoNewItems, restarted.LastOutcome);
        Assert.Equal(LocalSources.RssItems, restarted.ItemsEmitted);
        Assert.True(await source.ReleaseAsync(Second, None));
    }

    [Fact]
    public async Task A_direct_start_takes_the_source_over_so_its_owner_can_no_longer_release_it()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("own-taken-over");
        var settings = LocalSources.Settings(server, "news-rss");
        await source.ClaimAsync(First, settings, None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        await source.StartAsync(settings, None);

        var started = await source.GetStatusAsync(None);
        Assert.Equal((TgeSourceRunState.Running, (string?)null, 1L), (started.State, started.Owner, started.Polls));
        Assert.False(await source.ReleaseAsync(First, None));
        Assert.Equal(TgeSourceRunState.Running, (await source.GetStatusAsync(None)).State);
        await source.RemoveAsync(None);
    }

    [Fact]
    public async Task A_claim_resumes_a_paused_source_and_a_removed_source_forgets_its_owner()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("own-paused");
        var settings = LocalSources.Settings(server, "news-rss");
        await source.ClaimAsync(First, settings, None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        await source.PauseAsync(None);
        Assert.Equal((TgeSourceRunState.Paused, First), ((await source.GetStatusAsync(None)).State, (await source.GetStatusAsync(None)).Owner));

        await source.ClaimAsync(First, settings, None);

        var resumed = await SourceSilo.QuiescentAsync(source, fixture.Time, 2);
        Assert.Equal((TgeSourceRunState.Running, First), (resumed.State, resumed.Owner));
        await source.RemoveAsync(None);
        Assert.Null((await source.GetStatusAsync(None)).Owner);
        Assert.False(await source.ReleaseAsync(First, None));
    }

    [Fact]
    public async Task A_claim_with_bad_settings_or_no_owner_is_refused_and_changes_nothing()
    {
        var source = Source("own-bad");

        var settings = await Assert.ThrowsAsync<ArgumentException>(() => source.ClaimAsync(
            First, new TgeSourceSettings("ftp://127.0.0.1/feed", TgeSourceKind.Rss, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), None));
        var owner = await Assert.ThrowsAsync<ArgumentException>(() => source.ClaimAsync(
            " ", new TgeSourceSettings("http://127.0.0.1:1/feed", TgeSourceKind.Rss, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), None));

        Assert.Contains("(Parameter 'settings')", settings.Message, StringComparison.Ordinal);
        Assert.Contains("(Parameter 'owner')", owner.Message, StringComparison.Ordinal);
        var status = await source.GetStatusAsync(None);
        Assert.Equal((TgeSourceRunState.Unconfigured, (string?)null), (status.State, status.Owner));
    }
}
