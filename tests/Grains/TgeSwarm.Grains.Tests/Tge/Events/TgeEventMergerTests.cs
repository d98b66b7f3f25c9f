using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Tge.Keywords;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

public sealed class TgeEventMergerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ListingTime = new(2026, 3, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly TgeEventMerger _merger = new(new TgeEventOptions());
    private readonly TgeEventState _state = new();

    [Fact]
    public void The_first_sighting_creates_version_one_with_its_fields()
    {
        var merge = Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("binance", "1", "Binance Will List Foo (FOO)"), "FOO", "Foo", venue: "Binance", eventTime: ListingTime, confidence: 0.9)));

        Assert.Equal(TgeMergeOutcome.Created, merge.Outcome);
        var record = merge.Record!;
        Assert.Equal(("foo", "FOO", "Foo", TgeKind.Listing, "Binance", ListingTime, 0.9, 1), (record.TokenSlug, record.Symbol, record.Name, record.Kind, record.Venue, record.EventTime, record.Confidence, record.Version));
        Assert.Equal("Binance Will List Foo (FOO)", record.Title);
        Assert.Equal(TgeItems.Seen, record.FirstSeenAt);
        Assert.Single(record.Sightings);
    }

    [Fact]
    public void The_same_item_again_changes_nothing()
    {
        var candidate = TgeItems.Candidate("foo", TgeItems.Item("binance", "1", "Binance Will List Foo (FOO)"), "FOO");
        Apply(Clean(candidate));

        var again = Apply(Clean(candidate with { Item = candidate.Item with { Title = "Binance Will List Foo (FOO) — edited" } }));

        Assert.Equal(TgeMergeOutcome.Duplicate, again.Outcome);
        Assert.Equal("same-item", again.Reason);
        Assert.Equal(1, _state.Record!.Version);
    }

    [Fact]
    public void The_same_title_re_issued_by_the_same_source_under_a_new_id_is_a_duplicate()
    {
        Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("binance", "1", "Binance Will List Foo Finance (FOO) with Seed Tag Applied"), "FOO")));

        var reissued = Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("binance", "1-b", "Binance will list Foo Finance (FOO) with seed tag applied!"), "FOO")));

        Assert.Equal(TgeMergeOutcome.Duplicate, reissued.Outcome);
        Assert.Equal("same-title", reissued.Reason);
    }

    [Fact]
    public void Other_sources_and_languages_merge_into_one_record_with_every_source_and_its_time()
    {
        Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("binance", "1", "Binance Will List Foo (FOO)", "en", TgeItems.Seen.AddMinutes(5)), "FOO", confidence: 0.8)));
        var second = Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("okx-cn", "9", "欧易将上线 Foo (FOO)", "zh-CN", TgeItems.Seen), "FOO", kind: TgeKind.Airdrop, venue: "OKX", eventTime: ListingTime, confidence: 0.95)));

        Assert.Equal(TgeMergeOutcome.Updated, second.Outcome);
        var record = _state.Record!;
        Assert.Equal(2, record.Version);
        Assert.Equal(["okx-cn", "binance"], record.Sightings.Select(s => s.SourceId));
        Assert.Equal(["zh-CN", "en"], record.Sightings.Select(s => s.Language));
        Assert.Equal(TgeItems.Seen, record.FirstSeenAt);
        Assert.Equal("欧易将上线 Foo (FOO)", record.Title);
        Assert.Equal((TgeKind.Airdrop, 0.95, "OKX", (DateTimeOffset?)ListingTime), (record.Kind, record.Confidence, record.Venue, record.EventTime));
    }

    [Fact]
    public void A_less_confident_sighting_adds_its_source_but_not_its_details()
    {
        Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("binance", "1", "Binance Will List Foo (FOO)"), "FOO", venue: "Binance", eventTime: ListingTime, confidence: 0.9)));

        Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("news", "n1", "Foo token to launch on Gate"), "FOO", kind: TgeKind.Tge, venue: "Gate", eventTime: ListingTime.AddDays(1), confidence: 0.6)));

        var record = _state.Record!;
        Assert.Equal(2, record.Sightings.Count);
        Assert.Equal((TgeKind.Listing, 0.9, "Binance", (DateTimeOffset?)ListingTime), (record.Kind, record.Confidence, record.Venue, record.EventTime));
    }

    [Fact]
    public void A_sighting_months_away_is_recorded_late_without_moving_the_event()
    {
        Apply(Clean(TgeItems.Candidate("foo", TgeItems.Item("binance", "1", "Binance Will List Foo (FOO)"), "FOO", venue: "Binance", eventTime: ListingTime, confidence: 0.8)));

        var late = Apply(Clean(TgeItems.Candidate(
            "foo", TgeItems.Item("kraken", "k1", "Kraken is listing Foo (FOO)", seen: TgeItems.Seen.AddDays(120)), "FOO", venue: "Kraken", eventTime: ListingTime.AddDays(121), confidence: 0.95)));

        Assert.Equal(TgeMergeOutcome.Updated, late.Outcome);
        Assert.True(late.Late);
        var record = _state.Record!;
        Assert.Equal(["binance", "kraken"], record.Sightings.Select(s => s.SourceId));
        Assert.Equal((0.8, "Binance", (DateTimeOffset?)ListingTime), (record.Confidence, record.Venue, record.EventTime));
    }

    [Fact]
    public void Sightings_stop_at_the_bound()
    {
        var merger = new TgeEventMerger(new TgeEventOptions { MaxSightings = 2 });
        for (var i = 0; i < 3; i++)
        {
            var merge = merger.Merge(_state, "foo", Clean(TgeItems.Candidate("foo", TgeItems.Item("source-" + i, "1", "Listing number " + i + " of Foo (FOO)"), "FOO")), Now);
            Keep(merge);
            if (i == 2)
            {
                Assert.Equal(("sightings-full", TgeMergeOutcome.Duplicate), (merge.Reason, merge.Outcome));
            }
        }

        Assert.Equal(2, _state.Record!.Sightings.Count);
    }

    private static TgeCleanCandidate Clean(TgeCandidate candidate)
    {
        Assert.True(TgeCandidateCleaner.TryClean(candidate, candidate.TokenSlug, Now, out var clean, out var reason), reason);
        return clean;
    }

    private TgeMerge Apply(TgeCleanCandidate candidate) => Keep(_merger.Merge(_state, "foo", candidate, Now));

    private TgeMerge Keep(TgeMerge merge)
    {
        _state.Record = merge.Record;
        _state.EventTimeConfidence = merge.EventTimeConfidence;
        _state.VenueConfidence = merge.VenueConfidence;
        return merge;
    }
}
