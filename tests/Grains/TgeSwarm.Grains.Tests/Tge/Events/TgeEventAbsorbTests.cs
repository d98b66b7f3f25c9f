using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Tge.Keywords;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary><see cref="TgeEventMerger.Absorb"/> on plain objects: a name slug's record folded into a symbol record as one change.</summary>
public sealed class TgeEventAbsorbTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LaunchTime = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);
    private readonly TgeEventMerger _merger = new(new TgeEventOptions());

    [Fact]
    public void The_names_sightings_join_the_merge_as_one_version_with_the_earliest_sighting_first()
    {
        var named = Merge(new TgeEventState(), "foo-finance", TgeItems.Candidate(
            "foo-finance", TgeItems.Item("news", "n1", "Foo Finance announces its token generation event", seen: TgeItems.Seen.AddHours(-2)), null, "Foo Finance",
            TgeKind.Tge, 0.7, eventTime: LaunchTime)).Record!;
        var merged = Merge(new TgeEventState(), "foo", TgeItems.Candidate(
            "foo", TgeItems.Item("binance", "b1", "Binance Will List Foo Finance (FOO)"), "FOO", "Foo Finance", venue: "Binance", confidence: 0.9));

        var absorbed = _merger.Absorb(merged, "foo", named, Now);

        var record = absorbed.Record!;
        Assert.Equal(TgeMergeOutcome.Created, absorbed.Outcome);
        Assert.Equal(("foo", "FOO", "Foo Finance", TgeKind.Listing, 0.9, "Binance", 1), (record.TokenSlug, record.Symbol, record.Name, record.Kind, record.Confidence, record.Venue, record.Version));
        Assert.Equal(["news", "binance"], record.Sightings.Select(s => s.SourceId));
        Assert.Equal((TgeItems.Seen.AddHours(-2), "Foo Finance announces its token generation event"), (record.FirstSeenAt, record.Title));
        Assert.Equal((LaunchTime, 0.7), (record.EventTime, absorbed.EventTimeConfidence));
    }

    [Fact]
    public void A_sighting_the_symbol_record_already_has_is_not_added_twice()
    {
        var item = TgeItems.Item("news", "n1", "Foo Finance token launch");
        var named = Merge(new TgeEventState(), "foo-finance", TgeItems.Candidate("foo-finance", item, null, "Foo Finance", TgeKind.Tge, 0.7)).Record!;
        var state = new TgeEventState();
        var first = Merge(state, "foo", TgeItems.Candidate("foo", item, null, "Foo Finance", TgeKind.Tge, 0.7));
        state.Record = first.Record;
        var merged = Merge(state, "foo", TgeItems.Candidate("foo", TgeItems.Item("binance", "b1", "Binance Will List Foo Finance (FOO)"), "FOO", "Foo Finance"));

        var absorbed = _merger.Absorb(merged, "foo", named, Now);

        Assert.Equal(2, absorbed.Record!.Version);
        Assert.Equal(["news", "binance"], absorbed.Record.Sightings.Select(s => s.SourceId));
    }

    private TgeMerge Merge(TgeEventState state, string slug, TgeCandidate candidate)
    {
        Assert.True(TgeCandidateCleaner.TryClean(candidate, slug, Now, out var clean, out var reason), reason);
        return _merger.Merge(state, slug, clean, Now);
    }
}
