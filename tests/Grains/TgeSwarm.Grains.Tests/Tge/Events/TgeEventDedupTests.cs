using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Keywords;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>Candidates on <c>tge.candidates</c> reach the token's event grain, which keeps one record and announces each change once.</summary>
public sealed class TgeEventDedupTests(TgePipelineFixture fixture) : IClassFixture<TgePipelineFixture>
{
    [Fact]
    public async Task Two_sources_in_two_languages_make_one_record_and_a_repeated_item_makes_no_notice()
    {
        var english = TgeItems.Candidate("zrb", TgeItems.Item("binance-cms", "a1", "Binance Will List Zorbit (ZRB) with Seed Tag Applied", "en"), "ZRB", "Zorbit", venue: "Binance", confidence: 0.9);
        var chinese = TgeItems.Candidate("zrb", TgeItems.Item("okx-cn", "c7", "欧易将上线 Zorbit (ZRB) 现货交易", "zh-CN", TgeItems.Seen.AddMinutes(3)), "ZRB", venue: "OKX", confidence: 0.85);
        var third = TgeItems.Candidate("zrb", TgeItems.Item("news", "n3", "Zorbit (ZRB) token generation event date set", "en", TgeItems.Seen.AddMinutes(9)), "ZRB", kind: TgeKind.Tge, confidence: 0.7);

        var stream = fixture.Candidates("zrb");
        await stream.OnNextAsync(english);
        await stream.OnNextAsync(chinese);
        await stream.OnNextAsync(english);
        await stream.OnNextAsync(third);

        var notices = await NoticesOfAsync("zrb", 3);
        Assert.Equal([(TgeEventChange.Created, 1), (TgeEventChange.Updated, 2), (TgeEventChange.Updated, 3)], notices.Select(n => (n.Change, n.Event.Version)));

        var record = await fixture.Cluster.GrainFactory.GetGrain<ITgeEventGrain>("zrb").GetAsync(CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(3, record.Version);
        Assert.Equal(["binance-cms", "okx-cn", "news"], record.Sightings.Select(s => s.SourceId));
        Assert.Equal(["en", "zh-CN", "en"], record.Sightings.Select(s => s.Language));
        Assert.Equal(("ZRB", "Zorbit", TgeKind.Listing, "Binance", 0.9), (record.Symbol, record.Name, record.Kind, record.Venue, record.Confidence));
        TgeRecords.Same(record, await fixture.Store.GetAsync("zrb", CancellationToken.None));
    }

    [Fact]
    public async Task The_same_item_merged_twice_is_one_sighting()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<ITgeEventGrain>("dup");
        var candidate = TgeItems.Candidate("dup", TgeItems.Item("bybit", "77", "Bybit Will List Dupe Coin (DUP)"), "DUP");

        Assert.Equal(TgeMergeOutcome.Created, await grain.MergeAsync(candidate, CancellationToken.None));
        Assert.Equal(TgeMergeOutcome.Duplicate, await grain.MergeAsync(candidate, CancellationToken.None));

        var record = await grain.GetAsync(CancellationToken.None);
        Assert.Single(record!.Sightings);
        Assert.Equal(1, record.Version);
    }

    [Fact]
    public async Task A_candidate_for_another_slug_or_with_markup_only_is_refused()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<ITgeEventGrain>("rfs");
        var item = TgeItems.Item("bybit", "1", "<script>alert(1)</script>");

        Assert.Equal(TgeMergeOutcome.Rejected, await grain.MergeAsync(TgeItems.Candidate("rfs", item, "RFS"), CancellationToken.None));
        Assert.Equal(TgeMergeOutcome.Rejected, await grain.MergeAsync(TgeItems.Candidate("other", item with { Title = "Bybit Will List RFS" }, "RFS"), CancellationToken.None));
        Assert.Null(await grain.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_symbol_less_candidate_of_a_known_project_name_joins_the_symbol_record()
    {
        var symbol = fixture.Cluster.GrainFactory.GetGrain<ITgeEventGrain>("qrx");
        var name = fixture.Cluster.GrainFactory.GetGrain<ITgeEventGrain>("quarx-labs");
        await symbol.MergeAsync(TgeItems.Candidate("qrx", TgeItems.Item("binance", "q1", "Binance Will List Quarx Labs (QRX)"), "QRX", "Quarx Labs"), CancellationToken.None);

        var outcome = await name.MergeAsync(TgeItems.Candidate("quarx-labs", TgeItems.Item("news", "q2", "Quarx Labs announces token launch date"), null, "Quarx Labs", TgeKind.Tge, 0.7), CancellationToken.None);

        Assert.Equal(TgeMergeOutcome.Forwarded, outcome);
        Assert.Null(await name.GetAsync(CancellationToken.None));
        var record = await symbol.GetAsync(CancellationToken.None);
        Assert.Equal(["binance", "news"], record!.Sightings.Select(s => s.SourceId));
    }

    private async Task<List<TgeEventNotice>> NoticesOfAsync(string slug, int count)
    {
        var alerts = fixture.Cluster.GrainFactory.GetGrain<ITgeAlertGrain>(TgeStreamNames.EventsKey);
        var recent = await Eventually.ReadAsync(
            () => alerts.GetRecentAsync(256, CancellationToken.None),
            all => all.Count(n => n.Event.TokenSlug == slug) >= count);
        return [.. recent.Where(n => n.Event.TokenSlug == slug)];
    }
}
