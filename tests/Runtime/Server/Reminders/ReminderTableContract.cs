namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>
/// What every <see cref="IReminderTable"/> must do, run against each implementation: versioned upserts and removes,
/// tick records that keep the version, reads by grain and by ranges of the hash ring (plain, wrapped and whole).
/// </summary>
public abstract class ReminderTableContract
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A grain type no other test writes, so tables shared between tests still give exact answers.</summary>
    private readonly string _grainType = $"contract-{Guid.NewGuid():N}";

    internal abstract IReminderTable Table { get; }

    [Fact]
    public async Task An_entry_reads_back_as_written_with_a_version()
    {
        var entry = Entry("a", "r");

        var etag = await Table.UpsertRowAsync(entry, null, CancellationToken.None);
        var read = await Table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None);

        Assert.NotNull(etag);
        Assert.Equal(entry with { ETag = etag }, read);
        Assert.Null(await Table.ReadRowAsync(entry.GrainId, "other", CancellationToken.None));
    }

    [Fact]
    public async Task Inserting_where_a_row_exists_is_refused_and_changes_nothing()
    {
        var entry = Entry("a", "r");
        var etag = await Table.UpsertRowAsync(entry, null, CancellationToken.None);

        Assert.Null(await Table.UpsertRowAsync(entry with { Period = TimeSpan.FromHours(1) }, null, CancellationToken.None));
        Assert.Equal(entry with { ETag = etag }, await Table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None));
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_gives_a_new_one()
    {
        var entry = Entry("a", "r");
        var first = await Table.UpsertRowAsync(entry, null, CancellationToken.None);
        var changed = entry with { Period = TimeSpan.FromMinutes(7), StartAt = Start.AddMinutes(3) };

        var second = await Table.UpsertRowAsync(changed, first, CancellationToken.None);
        var stale = await Table.UpsertRowAsync(entry, first, CancellationToken.None);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Null(stale);
        Assert.Equal(changed with { ETag = second }, await Table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None));
        Assert.Null(await Table.UpsertRowAsync(Entry("missing", "r"), second, CancellationToken.None));
    }

    [Fact]
    public async Task A_remove_needs_the_current_version_and_a_row_registered_again_never_reuses_one()
    {
        var entry = Entry("a", "r");
        var first = await Table.UpsertRowAsync(entry, null, CancellationToken.None);
        var second = await Table.UpsertRowAsync(entry with { Period = TimeSpan.FromMinutes(2) }, first, CancellationToken.None);

        Assert.False(await Table.RemoveRowAsync(entry.GrainId, "r", first!, CancellationToken.None));
        Assert.True(await Table.RemoveRowAsync(entry.GrainId, "r", second!, CancellationToken.None));
        Assert.Null(await Table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None));
        Assert.False(await Table.RemoveRowAsync(entry.GrainId, "r", second!, CancellationToken.None));

        var third = await Table.UpsertRowAsync(entry, null, CancellationToken.None);
        Assert.DoesNotContain(third, new[] { first, second });
        Assert.False(await Table.RemoveRowAsync(entry.GrainId, "r", first!, CancellationToken.None));
    }

    [Fact]
    public async Task A_recorded_tick_keeps_the_version_only_moves_forward_and_a_new_schedule_clears_it()
    {
        var entry = Entry("a", "r");
        var etag = await Table.UpsertRowAsync(entry, null, CancellationToken.None);

        Assert.True(await Table.RecordTickAsync(entry.GrainId, "r", etag!, Start.AddMinutes(2), CancellationToken.None));
        Assert.True(await Table.RecordTickAsync(entry.GrainId, "r", etag!, Start.AddMinutes(1), CancellationToken.None));
        var recorded = await Table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None);
        Assert.Equal(entry with { ETag = etag, LastFiredAt = Start.AddMinutes(2) }, recorded);

        var next = await Table.UpsertRowAsync(entry with { DueTime = TimeSpan.FromMinutes(5) }, etag, CancellationToken.None);
        Assert.Null((await Table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None))!.LastFiredAt);
        Assert.False(await Table.RecordTickAsync(entry.GrainId, "r", etag!, Start.AddMinutes(3), CancellationToken.None));
        Assert.False(await Table.RecordTickAsync(entry.GrainId, "gone", next!, Start.AddMinutes(3), CancellationToken.None));
    }

    [Fact]
    public async Task Reading_by_grain_returns_every_reminder_of_that_grain_and_no_other()
    {
        await Table.UpsertRowAsync(Entry("a", "x"), null, CancellationToken.None);
        await Table.UpsertRowAsync(Entry("a", "y"), null, CancellationToken.None);
        await Table.UpsertRowAsync(Entry("b", "x"), null, CancellationToken.None);

        var rows = await Table.ReadRowsAsync(GrainId.Create(_grainType, "a"), CancellationToken.None);

        Assert.Equal(["x", "y"], rows.Select(static r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.Empty(await Table.ReadRowsAsync(GrainId.Create(_grainType, "c"), CancellationToken.None));
    }

    [Fact]
    public async Task Range_reads_return_the_rows_whose_grain_hash_is_in_any_range_including_ranges_that_wrap()
    {
        var entries = Enumerable.Range(0, 40).Select(i => Entry($"g{i}", "r")).OrderBy(static e => e.GrainHash).ToArray();
        foreach (var entry in entries)
        {
            await Table.UpsertRowAsync(entry, null, CancellationToken.None);
        }

        var hashes = entries.Select(static e => e.GrainHash).ToArray();

        // (h[5], h[9]] holds entries 6..9; the wrapped (h[35], h[2]] holds 36..39 and 0..2.
        Assert.Equal(new[] { 6, 7, 8, 9 }, await IndexesIn([new ReminderRange(hashes[5], hashes[9])]));
        Assert.Equal(new[] { 0, 1, 2, 36, 37, 38, 39 }, await IndexesIn([new ReminderRange(hashes[35], hashes[2])]));
        Assert.Equal(new[] { 0, 1, 2, 6, 7, 8, 9, 36, 37, 38, 39 }, await IndexesIn([new ReminderRange(hashes[5], hashes[9]), new ReminderRange(hashes[35], hashes[2])]));
        Assert.Equal(Enumerable.Range(0, 40), await IndexesIn([ReminderRange.FullRing]));
        Assert.Equal(new[] { 0, 1, 2, 36, 37, 38, 39 }, await IndexesIn([new ReminderRange(hashes[35], uint.MaxValue), new ReminderRange(uint.MaxValue, hashes[2])]));
        Assert.Empty(await IndexesIn([]));

        async Task<int[]> IndexesIn(IReadOnlyList<ReminderRange> ranges) =>
            [.. (await Table.ReadRowsAsync(ranges, CancellationToken.None))
                .Where(r => r.GrainId.Type == _grainType)
                .Select(r => Array.FindIndex(entries, e => e.GrainId.Equals(r.GrainId)))
                .Order()];
    }

    private ReminderEntry Entry(string key, string name) => new()
    {
        GrainId = GrainId.Create(_grainType, key),
        ReminderName = name,
        StartAt = Start,
        Period = TimeSpan.FromMinutes(1),
        DueTime = TimeSpan.FromSeconds(90),
    };
}
