using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Coordination.Queen;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Scrapers;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>
/// Scraper groups driven by the queen against the local source server: sources spread over shards by rendezvous
/// hashing, each polled by exactly one scraper, and scaling moves only the sources whose shard changed.
/// </summary>
public sealed class QueenScraperTests(ScraperQueenFixture fixture) : IClassFixture<ScraperQueenFixture>
{
    private const string Scraper = "scraper";
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    private IQueenGrain Queen => fixture.Queen;

    private ISourceGrain Source(string id) => fixture.Cluster.GrainFactory.GetGrain<ISourceGrain>(id);

    [Fact]
    public async Task Scaling_one_to_three_to_two_moves_only_the_sources_whose_shard_changed_and_emits_no_item_twice()
    {
        string[] ids = [.. Enumerable.Range(0, 12).Select(static i => $"scale-{i:00}")];
        using var produced = new ProducedEvents(fixture.Cluster.Primary.ServiceProvider.GetRequiredService<IMeterFactory>(), TgeStreamNames.Provider);

        var one = await Queen.ScaleAsync(Scraper, "scale", 1, fixture.Template(ids), Operator, None);

        Assert.Equal(["scale#0"], one.Started);
        Assert.Equal(0, one.Moved);
        var first = await QuiescentAsync(ids, ids.ToDictionary(static id => id, static _ => 1L));
        AssertOwners(ids, ["scale#0"], first);
        var emitted = first.Values.Sum(static s => s.ItemsEmitted);
        Assert.Equal(emitted, produced.Count);
        Assert.All(first.Values, static s => Assert.True(s.ItemsEmitted > 0, $"{s.SourceId} emitted nothing on its first poll"));

        var three = await Queen.ScaleAsync(Scraper, "scale", 3, null, Operator, None);

        var after3 = await AfterMoveAsync(ids, first, ["scale#0"], ["scale#0", "scale#1", "scale#2"], three);
        Assert.Equal(["scale#0", "scale#1", "scale#2"], three.Started);

        var two = await Queen.ScaleAsync(Scraper, "scale", 2, null, Operator, None);

        var after2 = await AfterMoveAsync(ids, after3, ["scale#0", "scale#1", "scale#2"], ["scale#0", "scale#1"], two);
        Assert.Equal(["scale#2"], two.Stopped);
        Assert.False((await fixture.Cluster.GrainFactory.GetGrain<IScraperGrain>("scale#2").GetStatusAsync(None)).Started);
        Assert.Equal(AgentState.Stopped, (await Queen.GetAgentAsync(Scraper, "scale#2", None)).DesiredState);

        // Every move re-read whole bodies (the release forgot the validators), and the seen items kept them all out.
        Assert.All(ids, id => Assert.Equal(first[id].ItemsEmitted, after2[id].ItemsEmitted));
        Assert.Equal(emitted, produced.Count);

        // A source dropped from the group is released; the others stay where they are.
        var kept = ids[..^1];
        await Queen.ScaleAsync(Scraper, "scale", 2, fixture.Template(kept), Operator, None);

        var dropped = await Source(ids[^1]).GetStatusAsync(None);
        Assert.Equal((TgeSourceRunState.Unconfigured, (string?)null), (dropped.State, dropped.Owner));
        var remaining = await ReadAsync(kept);
        AssertOwners(kept, ["scale#0", "scale#1"], remaining);
        Assert.All(kept, id => Assert.Equal(after2[id].Polls, remaining[id].Polls));

        await Queen.StopAsync(Scraper, "scale#0", Operator, None);
        await Queen.StopAsync(Scraper, "scale#1", Operator, None);
        Assert.All((await ReadAsync(ids)).Values, static s => Assert.Equal(TgeSourceRunState.Unconfigured, s.State));
        Assert.Equal(emitted, produced.Count);
    }

    [Fact]
    public async Task A_scraper_whose_source_was_removed_behind_its_back_fails_and_the_health_monitors_restart_claims_it_again()
    {
        string[] ids = ["heal-a", "heal-b"];
        await Queen.SpawnAsync(Scraper, "heal#0", fixture.Template(ids), Operator, None);
        await QuiescentAsync(ids, ids.ToDictionary(static id => id, static _ => 1L));
        await Queen.ReconcileAsync(None);
        var running = await Queen.GetAgentAsync(Scraper, "heal#0", None);
        Assert.Equal((AgentState.Running, "2 sources: 2 polling"), (running.ActualState, running.Detail));

        await Source("heal-a").RemoveAsync(None);
        var healing = await Queen.ReconcileAsync(None);

        Assert.Equal(1, healing.Started);
        var heal = (await Queen.GetActionsAsync(1, null, None)).Items.Single();
        Assert.Equal(("heal", "scraper/heal#0", true), (heal.Action, heal.Target, heal.Succeeded));
        Assert.Contains("2 sources: 1 polling, 1 lost (heal-a)", heal.Reason, StringComparison.Ordinal);
        var reclaimed = await SourceSilo.QuiescentAsync(Source("heal-a"), fixture.Time, 2);
        Assert.Equal((TgeSourceRunState.Running, "scraper/heal#0"), (reclaimed.State, reclaimed.Owner));
        await SourceSilo.QuiescentAsync(Source("heal-b"), fixture.Time, 2);

        await Queen.ReconcileAsync(None);
        var recovered = await Queen.GetAgentAsync(Scraper, "heal#0", None);
        Assert.Equal((AgentState.Running, 0), (recovered.ActualState, recovered.RestartAttempts));
        Assert.Equal("recovered", (await Queen.GetActionsAsync(1, null, None)).Items.Single().Action);

        // An operator's pause holds the scraper at pending: neither running nor restarted over the pause.
        await Source("heal-b").PauseAsync(None);
        var paused = await Queen.ReconcileAsync(None);
        var pending = await Queen.GetAgentAsync(Scraper, "heal#0", None);
        Assert.Equal(0, paused.Started);
        Assert.Equal((AgentState.Pending, "2 sources: 1 polling, 1 paused (heal-b)"), (pending.ActualState, pending.Detail));

        await Queen.StopAsync(Scraper, "heal#0", Operator, None);
        Assert.All((await ReadAsync(ids)).Values, static s => Assert.Equal(TgeSourceRunState.Unconfigured, s.State));
        await Queen.ReconcileAsync(None);
        Assert.Equal(AgentState.Stopped, (await Queen.GetAgentAsync(Scraper, "heal#0", None)).ActualState);
    }

    [Fact]
    public async Task A_scraper_activated_again_reclaims_the_sources_it_lost_meanwhile_and_leaves_its_running_ones_alone()
    {
        string[] ids = ["repair-a", "repair-b"];
        await Queen.SpawnAsync(Scraper, "repair#0", fixture.Template(ids), Operator, None);
        await QuiescentAsync(ids, ids.ToDictionary(static id => id, static _ => 1L));

        var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        Assert.Contains(await management.GetActivations("scraper", 100), static a => a.GrainId.Key == "repair#0");

        // Past the collection age the idle scraper is collected; its sources keep polling on their own.
        fixture.Time.Advance(TimeSpan.FromMinutes(17));
        var left = await Eventually.ReadAsync(() => management.GetActivations("scraper", 100), static a => a.All(static x => x.GrainId.Key != "repair#0"));
        Assert.True(left.All(static x => x.GrainId.Key != "repair#0"), "timed out waiting for scraper repair#0 to be collected after its collection age");
        var running = await QuiescentAsync(ids, ids.ToDictionary(static id => id, static _ => 2L));
        await Source("repair-a").RemoveAsync(None);

        await fixture.Cluster.GrainFactory.GetGrain<IScraperGrain>("repair#0").GetStatusAsync(None);

        var reclaimed = await Eventually.ReadAsync(() => Source("repair-a").GetStatusAsync(None), static s => s.Owner == "scraper/repair#0");
        Assert.Equal((TgeSourceRunState.Running, "scraper/repair#0"), (reclaimed.State, reclaimed.Owner));
        await SourceSilo.QuiescentAsync(Source("repair-a"), fixture.Time, 3);
        var untouched = await Source("repair-b").GetStatusAsync(None);
        Assert.Equal((running["repair-b"].Polls, "scraper/repair#0"), (untouched.Polls, untouched.Owner));
        var status = await fixture.Cluster.GrainFactory.GetGrain<IScraperGrain>("repair#0").GetStatusAsync(None);
        Assert.Equal(["repair-a", "repair-b"], status.Polling);

        await Queen.StopAsync(Scraper, "repair#0", Operator, None);
    }

    [Fact]
    public async Task Pausing_the_tge_pipeline_releases_a_scrapers_sources_once_and_resuming_claims_them_again()
    {
        string[] ids = ["pause-a"];
        await Queen.SpawnAsync(Scraper, "pause#0", fixture.Template(ids), Operator, None);
        await QuiescentAsync(ids, ids.ToDictionary(static id => id, static _ => 1L));

        await Queen.PauseAsync(PipelineNames.Tge, Operator, None);

        Assert.Equal(TgeSourceRunState.Unconfigured, (await Source("pause-a").GetStatusAsync(None)).State);
        await Queen.ReconcileAsync(None);
        var again = await Queen.ReconcileAsync(None);
        var paused = await Queen.GetAgentAsync(Scraper, "pause#0", None);
        Assert.Equal((AgentState.Paused, 0), (paused.ActualState, again.Stopped));

        await Queen.ResumeAsync(PipelineNames.Tge, Operator, None);

        var resumed = await SourceSilo.QuiescentAsync(Source("pause-a"), fixture.Time, 2);
        Assert.Equal((TgeSourceRunState.Running, "scraper/pause#0"), (resumed.State, resumed.Owner));
        await Queen.StopAsync(Scraper, "pause#0", Operator, None);
    }

    [Fact]
    public async Task Scraper_is_a_sharded_tge_type_and_a_bad_source_names_the_configuration_field_and_the_source()
    {
        var template = fixture.Template(["bad-a"]).Replace("\"minInterval\":\"00:10:00\"", "\"minInterval\":\"00:00:00\"", StringComparison.Ordinal);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.SpawnAsync(Scraper, "bad#0", template, Operator, None));

        Assert.Equal("configuration", error.ParamName);
        Assert.StartsWith("Source 'bad-a': MinInterval 00:00:00 must be between", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await Queen.ListAgentsAsync(Scraper, None), static a => a.Key == "bad#0");
        Assert.Contains(await Queen.GetAgentTypesAsync(None), static t => t is { Type: "scraper", Pipeline: "tge", Sharded: true, TaskItems: "sources" });
    }

    /// <summary>
    /// Checks a scale against rendezvous hashing: exactly the sources whose shard changed moved (the result's count
    /// too), each one polled once more after its move, and the others were not restarted.
    /// </summary>
    private async Task<Dictionary<string, TgeSourceStatus>> AfterMoveAsync(
        string[] ids, Dictionary<string, TgeSourceStatus> before, string[] oldShards, string[] newShards, ScaleResult result)
    {
        var oldOwner = RendezvousHashing.Assign(ids, oldShards).ToDictionary(static a => a.Key, static a => a.Value);
        var newOwner = RendezvousHashing.Assign(ids, newShards).ToDictionary(static a => a.Key, static a => a.Value);
        var moved = ids.Where(id => oldOwner[id] != newOwner[id]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(moved.Count, result.Moved);
        Assert.NotEmpty(moved);
        Assert.Equal(newOwner, result.Distribution.Assignments.ToDictionary(static a => a.Item, static a => a.Key));

        var after = await QuiescentAsync(ids, ids.ToDictionary(static id => id, id => before[id].Polls + (moved.Contains(id) ? 1 : 0)));
        AssertOwners(ids, newShards, after);
        Assert.All(ids, id => Assert.Equal(before[id].Polls + (moved.Contains(id) ? 1 : 0), after[id].Polls));
        return after;
    }

    private static void AssertOwners(IEnumerable<string> ids, string[] shards, IReadOnlyDictionary<string, TgeSourceStatus> statuses)
    {
        var expected = RendezvousHashing.Assign(ids, shards);
        Assert.All(expected, a =>
        {
            var status = statuses[a.Key];
            Assert.Equal((TgeSourceRunState.Running, $"scraper/{a.Value}"), (status.State, status.Owner));
        });
    }

    private async Task<Dictionary<string, TgeSourceStatus>> QuiescentAsync(IEnumerable<string> ids, Dictionary<string, long> polls)
    {
        var statuses = await Task.WhenAll(ids.Select(id => SourceSilo.QuiescentAsync(Source(id), fixture.Time, polls[id])));
        return statuses.ToDictionary(static s => s.SourceId, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, TgeSourceStatus>> ReadAsync(IEnumerable<string> ids)
    {
        var statuses = await Task.WhenAll(ids.Select(id => Source(id).GetStatusAsync(None)));
        return statuses.ToDictionary(static s => s.SourceId, StringComparer.Ordinal);
    }
}
