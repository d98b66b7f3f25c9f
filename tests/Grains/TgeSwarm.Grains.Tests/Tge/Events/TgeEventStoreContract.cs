using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>What every <see cref="ITgeEventStore"/> must do; run against memory and against the real PostgreSQL.</summary>
public abstract class TgeEventStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<ITgeEventStore> StoreAsync();

    [Fact]
    public async Task A_saved_record_reads_back_equal_and_an_unknown_slug_is_null()
    {
        var store = await StoreAsync();
        var record = Record("foo", T0, sightings: 2) with { EventTime = new DateTimeOffset(2026, 3, 5, 18, 0, 0, TimeSpan.FromHours(8)) };

        await store.SaveAsync(record, CancellationToken.None);

        var read = await store.GetAsync("foo", CancellationToken.None);
        TgeRecords.Same(record, read);
        Assert.Equal(TimeSpan.FromHours(8), read!.Sightings[1].Published!.Value.Offset);
        Assert.Null(await store.GetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_record_is_gone_and_deleting_an_unknown_slug_does_nothing()
    {
        var store = await StoreAsync();
        await store.SaveAsync(Record("foo", T0), CancellationToken.None);
        await store.SaveAsync(Record("bar", T0), CancellationToken.None);

        await store.DeleteAsync("foo", CancellationToken.None);
        await store.DeleteAsync("nope", CancellationToken.None);

        Assert.Null(await store.GetAsync("foo", CancellationToken.None));
        Assert.Equal(["bar"], (await store.QueryAsync(new TgeEventQuery(Limit: 10), CancellationToken.None)).Items.Select(r => r.TokenSlug));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        var store = await StoreAsync();
        var v2 = Record("foo", T0, sightings: 2) with { Version = 2 };
        await store.SaveAsync(v2, CancellationToken.None);

        await store.SaveAsync(Record("foo", T0, sightings: 1) with { Version = 1 }, CancellationToken.None);

        TgeRecords.Same(v2, await store.GetAsync("foo", CancellationToken.None));
        var v3 = Record("foo", T0, sightings: 3) with { Version = 3, Confidence = 0.99 };
        await store.SaveAsync(v3, CancellationToken.None);
        TgeRecords.Same(v3, await store.GetAsync("foo", CancellationToken.None));
    }

    [Fact]
    public async Task Pages_run_newest_first_and_the_cursor_walks_every_record_once()
    {
        var store = await StoreAsync();
        var records = Enumerable.Range(0, 23).Select(i => Record("tok" + i.ToString("00"), T0.AddHours(i / 2))).ToList();
        foreach (var record in records)
        {
            await store.SaveAsync(record, CancellationToken.None);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.QueryAsync(new TgeEventQuery(Limit: 5, Cursor: cursor), CancellationToken.None);
            Assert.InRange(page.Items.Count, 1, 5);
            seen.AddRange(page.Items.Select(r => r.TokenSlug));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        var expected = records.OrderByDescending(r => r.FirstSeenAt).ThenByDescending(r => r.TokenSlug, StringComparer.Ordinal).Select(r => r.TokenSlug);
        Assert.Equal(expected, seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task Filters_select_by_time_kind_confidence_and_token()
    {
        var store = await StoreAsync();
        await store.SaveAsync(Record("aaa", T0, TgeKind.Listing, 0.9, "AAA"), CancellationToken.None);
        await store.SaveAsync(Record("bbb", T0.AddDays(1), TgeKind.Airdrop, 0.6, "BBB"), CancellationToken.None);
        await store.SaveAsync(Record("ccc", T0.AddDays(2), TgeKind.Listing, 0.7, "CcC"), CancellationToken.None);
        await store.SaveAsync(Record("ddd", T0.AddDays(3), TgeKind.Launchpool, 0.95, null), CancellationToken.None);

        Assert.Equal(["ccc", "bbb"], await Slugs(store, new TgeEventQuery(From: T0.AddDays(1), To: T0.AddDays(3))));
        Assert.Equal(["ccc", "aaa"], await Slugs(store, new TgeEventQuery(Kind: TgeKind.Listing)));
        Assert.Equal(["ddd", "aaa"], await Slugs(store, new TgeEventQuery(MinConfidence: 0.9)));
        Assert.Equal(["ccc"], await Slugs(store, new TgeEventQuery(Token: "ccc")));
        Assert.Equal(["ccc"], await Slugs(store, new TgeEventQuery(Token: "CCC")));
        Assert.Equal(["ddd"], await Slugs(store, new TgeEventQuery(Token: "ddd")));
        Assert.Equal(["aaa"], await Slugs(store, new TgeEventQuery(Kind: TgeKind.Listing, MinConfidence: 0.8, To: T0.AddDays(2))));
        Assert.Empty(await Slugs(store, new TgeEventQuery(Token: "zzz")));
    }

    [Fact]
    public async Task Bad_arguments_throw_naming_the_field()
    {
        var store = await StoreAsync();

        Assert.Equal("Limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new TgeEventQuery(Limit: 0), CancellationToken.None))).ParamName);
        Assert.Equal("Limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new TgeEventQuery(Limit: 501), CancellationToken.None))).ParamName);
        Assert.Equal("From", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new TgeEventQuery(From: T0, To: T0), CancellationToken.None))).ParamName);
        Assert.Equal("MinConfidence", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new TgeEventQuery(MinConfidence: 1.1), CancellationToken.None))).ParamName);
        Assert.Equal("MinConfidence", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new TgeEventQuery(MinConfidence: double.NaN), CancellationToken.None))).ParamName);
        Assert.Equal("Cursor", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new TgeEventQuery(Cursor: "not-a-cursor"), CancellationToken.None))).ParamName);
        Assert.Equal("Kind", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new TgeEventQuery(Kind: TgeKind.None), CancellationToken.None))).ParamName);
    }

    private static async Task<string[]> Slugs(ITgeEventStore store, TgeEventQuery query) =>
        [.. (await store.QueryAsync(query, CancellationToken.None)).Items.Select(r => r.TokenSlug)];

    protected static TgeEvent Record(string slug, DateTimeOffset firstSeen, TgeKind kind = TgeKind.Listing, double confidence = 0.9, string? symbol = "SYM", int sightings = 1)
    {
        var list = Enumerable.Range(0, sightings).Select(i => new TgeSighting(
            "source-" + i, "item-" + i, $"Title {i} of {slug} <safe>", i == 0 ? null : "https://example.com/" + i, i % 2 == 0 ? "en" : "zh-CN", kind, i == 0 ? "Binance" : null, confidence,
            i == 0 ? null : firstSeen.AddMinutes(-i).ToOffset(TimeSpan.FromHours(8)), firstSeen.AddMinutes(i), firstSeen.AddMinutes(i).AddSeconds(1))).ToArray();
        return new TgeEvent(slug, symbol, "Name " + slug, kind, "Binance", null, confidence, "Title of " + slug, firstSeen, firstSeen.AddMinutes(sightings), 1, list);
    }
}
