using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Classification.Evaluation;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Grains.Tge.Keywords;

namespace TgeSwarm.Grains.Tests.Tge.Keywords;

/// <summary>
/// The labelled set (data/tge/labels.jsonl) published on <c>tge.raw</c> as source items goes through the intake,
/// keyword and event grains: every item the classifier calls a TGE ends as a sighting in its token's record, and no
/// look-alike leaves a trace.
/// </summary>
public sealed class KeywordPathTests(TgePipelineFixture fixture, DefaultClassifierFixture classifier)
    : IClassFixture<TgePipelineFixture>, IClassFixture<DefaultClassifierFixture>
{
    [Fact]
    public async Task Labelled_items_on_tge_raw_become_records_for_the_positives_and_nothing_for_the_look_alikes()
    {
        var labels = ReadLabels();
        var items = labels.Select(label => (Label: label, Item: TgeItems.Item("labels-" + (label.Line % 3), "line-" + label.Line, label.Title, summary: label.Summary ?? ""))).ToList();
        var expected = ExpectedCandidates(items.Select(i => i.Item));
        Assert.True(expected.Count >= 50, $"only {expected.Count} candidates expected from the labelled set");

        foreach (var source in items.GroupBy(i => i.Item.SourceId))
        {
            foreach (var batch in source.Select(i => i.Item).Chunk(40))
            {
                await fixture.Raw(source.Key).OnNextBatchAsync(batch);
            }
        }

        var stats = await Eventually.ReadAsync(
            () => Task.WhenAll(items.Select(i => i.Item.SourceId).Distinct().Select(s => fixture.Cluster.GrainFactory.GetGrain<IKeywordIntakeGrain>(s).GetStatisticsAsync(CancellationToken.None))),
            all => all.Sum(s => s.Items) == items.Count);
        Assert.Equal(items.Count, stats.Sum(s => s.Items));
        Assert.Equal(expected.Count, stats.Sum(s => s.Candidates));
        Assert.Equal(0, stats.Sum(s => s.Failed));

        var expectedSlugs = expected.Select(c => c.TokenSlug).ToHashSet(StringComparer.Ordinal);
        var records = await Eventually.ReadAsync(
            () => Task.WhenAll(expectedSlugs.Select(slug => fixture.Cluster.GrainFactory.GetGrain<ITgeEventGrain>(slug).GetAsync(CancellationToken.None))),
            all => all.All(r => r is not null) && expected.All(c => Represented(all, c)));
        Assert.All(records, Assert.NotNull);
        Assert.Equal(expectedSlugs.Count, fixture.Store.Count);

        var positiveLines = labels.Where(l => l.IsTge).Select(l => "line-" + l.Line).ToHashSet(StringComparer.Ordinal);
        var negativeLines = labels.Where(l => !l.IsTge).Select(l => "line-" + l.Line).ToHashSet(StringComparer.Ordinal);
        var sighted = records.SelectMany(r => r!.Sightings).Select(s => s.ItemId).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(sighted.Intersect(negativeLines));
        Assert.Subset(positiveLines, sighted);
        Assert.All(expected, candidate => Assert.True(Represented(records, candidate), $"{candidate.TokenSlug}: {candidate.Item.Title}"));
    }

    // Items of one source with near-identical titles for one token are one announcement re-issued (EVENTS.md): the
    // record holds the first of them.
    private static bool Represented(TgeEvent?[] records, TgeCandidate candidate) =>
        records.Single(r => r!.TokenSlug == candidate.TokenSlug)!.Sightings.Any(s => s.SourceId == candidate.Item.SourceId
            && (s.ItemId == candidate.Item.ItemId || TgeTitleSimilarity.Of(s.Title, candidate.Item.Title) >= 0.9));

    [Fact]
    public async Task The_keyword_grain_classifies_an_item_without_publishing_it()
    {
        var keyword = fixture.Cluster.GrainFactory.GetGrain<IKeywordGrain>(0);

        var verdict = await keyword.ClassifyAsync(TgeItems.Item("probe", "1", "Binance Will List Probe Token (PRB) with Seed Tag Applied"), CancellationToken.None);

        Assert.True(verdict.IsTge);
        Assert.Equal("PRB", verdict.Symbol);
        Assert.Null(await fixture.Cluster.GrainFactory.GetGrain<ITgeEventGrain>("prb").GetAsync(CancellationToken.None));
    }

    private List<TgeCandidate> ExpectedCandidates(IEnumerable<TgeItem> items)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var stage = new TgeKeywordStage(classifier.Classifier, new TgeDetectionInstruments(services.GetRequiredService<IMeterFactory>()));
        var candidates = new List<TgeCandidate>();
        foreach (var item in items)
        {
            stage.Candidates(item, TgeItems.Seen, candidates);
        }

        return candidates;
    }

    private static IReadOnlyList<TgeLabel> ReadLabels()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "tge", "labels.jsonl");
        using var reader = new StreamReader(path);
        return TgeLabelReader.Read(reader, path);
    }
}
