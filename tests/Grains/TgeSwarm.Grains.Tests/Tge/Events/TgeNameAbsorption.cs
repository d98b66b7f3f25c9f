using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Alerts;
using TgeSwarm.Grains.Tests.Tge.Keywords;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>
/// A project named without its symbol first, then with it: the symbol record absorbs the name record, whatever store
/// keeps records (run against memory and against the real PostgreSQL).
/// </summary>
public abstract class TgeNameAbsorption
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IGrainFactory Grains { get; }

    protected abstract ITgeEventStore Store { get; }

    protected abstract IAsyncStream<TgeCandidate> Candidates(string slug);

    internal abstract WebhookReceiver Receiver { get; }

    [Fact]
    public async Task A_later_symbol_record_absorbs_the_name_record_with_one_updated_notice_and_the_name_forwards_from_then_on()
    {
        await Candidates("velora-labs").OnNextAsync(TgeItems.Candidate(
            "velora-labs", TgeItems.Item("news", "v1", "Velora Labs announces token generation event", seen: TgeItems.Seen.AddHours(-1)), null, "Velora Labs", TgeKind.Tge, 0.7));
        await NoticesOfAsync("velora-labs", 1);

        await Candidates("vlr").OnNextAsync(TgeItems.Candidate(
            "vlr", TgeItems.Item("binance", "v2", "Binance Will List Velora Labs (VLR) with Seed Tag Applied"), "VLR", "Velora Labs", venue: "Binance", confidence: 0.9));
        var absorbed = await NoticesOfAsync("vlr", 1);

        await Candidates("velora-labs").OnNextAsync(TgeItems.Candidate(
            "velora-labs", TgeItems.Item("blog", "v3", "Velora Labs airdrop checker opens", seen: TgeItems.Seen.AddHours(1)), null, "Velora Labs", TgeKind.Airdrop, 0.6));
        var notices = await NoticesOfAsync("vlr", 2);

        Assert.Equal((TgeEventChange.Updated, 1), (absorbed[0].Change, absorbed[0].Event.Version));
        Assert.Equal(["news", "binance"], absorbed[0].Event.Sightings.Select(s => s.SourceId));
        Assert.Equal((TgeEventChange.Updated, 2), (notices[1].Change, notices[1].Event.Version));
        var record = await Grains.GetGrain<ITgeEventGrain>("vlr").GetAsync(CancellationToken.None);
        Assert.Equal(["news", "binance", "blog"], record!.Sightings.Select(s => s.SourceId));
        Assert.Equal(("VLR", "Velora Labs", TgeKind.Listing, "Binance", TgeItems.Seen.AddHours(-1)), (record.Symbol, record.Name, record.Kind, record.Venue, record.FirstSeenAt));
        Assert.Null(await Grains.GetGrain<ITgeEventGrain>("velora-labs").GetAsync(CancellationToken.None));
        TgeRecords.Same(record, await Store.GetAsync("vlr", CancellationToken.None));
        Assert.Null(await Eventually.ReadAsync(() => Store.GetAsync("velora-labs", CancellationToken.None), static r => r is null));
        Assert.Single(await NoticesOfAsync("velora-labs", 1));

        // The webhook sees the name's alert once, then only updates of the survivor, in order.
        var posted = await Eventually.ReadAsync(
            () => Task.FromResult(Receiver.All.Where(static r => r.Delivery.StartsWith("v", StringComparison.Ordinal)).Select(static r => (r.Delivery, r.Event)).ToList()),
            static all => all.Count >= 3);
        Assert.Equal([("velora-labs/1", "created")], posted.Where(static p => p.Delivery.StartsWith("velora-labs/", StringComparison.Ordinal)));
        Assert.Equal([("vlr/1", "updated"), ("vlr/2", "updated")], posted.Where(static p => p.Delivery.StartsWith("vlr/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_linked_name_grain_hands_over_sightings_the_symbol_record_lacks_and_removes_its_row()
    {
        var name = Grains.GetGrain<ITgeEventGrain>("orvane-network");
        var symbol = Grains.GetGrain<ITgeEventGrain>("orv");
        await name.MergeAsync(TgeItems.Candidate(
            "orvane-network", TgeItems.Item("news", "o1", "Orvane Network token sale opens", seen: TgeItems.Seen.AddHours(-3)), null, "Orvane Network", TgeKind.Sale, 0.7), None);
        await symbol.MergeAsync(TgeItems.Candidate("orv", TgeItems.Item("bybit", "o2", "Bybit Will List ORV"), "ORV"), None);

        // As if the symbol grain had read the name's record before this sighting reached it: the link alone must carry it over.
        await name.LinkAsync("orv", None);

        var record = await Eventually.ReadAsync(() => symbol.GetAsync(None), static r => r!.Sightings.Count == 2);
        Assert.Equal(["news", "bybit"], record!.Sightings.Select(s => s.SourceId));
        Assert.Equal((2, "Orvane Network"), (record.Version, record.Name));
        Assert.Null(await Eventually.ReadAsync(() => name.GetAsync(None), static r => r is null));
        Assert.Null(await Eventually.ReadAsync(() => Store.GetAsync("orvane-network", None), static r => r is null));
        TgeRecords.Same(record, await Store.GetAsync("orv", None));
    }

    [Fact]
    public async Task A_name_slug_that_is_another_tokens_symbol_record_is_not_absorbed()
    {
        var bar = TgeItems.Candidate("bar", TgeItems.Item("okx", "b1", "OKX Will List Bar (BAR)"), "BAR", "Bar Protocol");
        await Grains.GetGrain<ITgeEventGrain>("bar").MergeAsync(bar, CancellationToken.None);

        await Grains.GetGrain<ITgeEventGrain>("zqx").MergeAsync(TgeItems.Candidate(
            "zqx", TgeItems.Item("binance", "z1", "Binance Will List Bar (ZQX)"), "ZQX", "Bar"), CancellationToken.None);

        var zqx = await Grains.GetGrain<ITgeEventGrain>("zqx").GetAsync(CancellationToken.None);
        Assert.Equal(["binance"], zqx!.Sightings.Select(s => s.SourceId));
        var kept = await Grains.GetGrain<ITgeEventGrain>("bar").GetAsync(CancellationToken.None);
        Assert.Equal(("BAR", 1), (kept!.Symbol, kept.Version));
        TgeRecords.Same(kept, await Store.GetAsync("bar", CancellationToken.None));
    }

    private async Task<List<TgeEventNotice>> NoticesOfAsync(string slug, int count)
    {
        var alerts = Grains.GetGrain<ITgeAlertGrain>(TgeStreamNames.EventsKey);
        var recent = await Eventually.ReadAsync(
            () => alerts.GetRecentAsync(256, CancellationToken.None),
            all => all.Count(n => n.Event.TokenSlug == slug) >= count);
        return [.. recent.Where(n => n.Event.TokenSlug == slug)];
    }
}

public sealed class InMemoryTgeNameAbsorptionTests(TgePipelineFixture fixture) : TgeNameAbsorption, IClassFixture<TgePipelineFixture>
{
    protected override IGrainFactory Grains => fixture.Cluster.GrainFactory;

    protected override ITgeEventStore Store => fixture.Store;

    protected override IAsyncStream<TgeCandidate> Candidates(string slug) => fixture.Candidates(slug);

    internal override WebhookReceiver Receiver => fixture.Receiver;
}

public sealed class PostgresTgeNameAbsorptionTests(TgePostgresPipelineFixture fixture) : TgeNameAbsorption, IClassFixture<TgePostgresPipelineFixture>
{
    protected override IGrainFactory Grains => fixture.Cluster.GrainFactory;

    protected override ITgeEventStore Store => fixture.Store;

    protected override IAsyncStream<TgeCandidate> Candidates(string slug) => fixture.Candidates(slug);

    internal override WebhookReceiver Receiver => fixture.Receiver;
}
