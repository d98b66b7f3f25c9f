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
