using System.Text;
using TgeSwarm.Runtime.Postgres.Streams;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class DeadLetterTests : IAsyncLifetime
{
    private static readonly Guid Subscription = new("11111111-2222-3333-4444-555555555555");

    private StreamStore _store = null!;

    private PostgresStreamQueueStore Store => _store.Store;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_dead_letter_reads_back_with_every_field_its_id_and_the_time_it_was_written()
    {
        var letter = Letter(seq: 42, eventIndex: 3, attempts: 5, error: "InvalidOperationException: price below zero");

        var id = await Store.DeadLetterAsync(StreamStore.Provider, letter, CancellationToken.None);

        var stored = Assert.Single(await Store.ReadDeadLettersAsync(StreamStore.Provider, 0, 10, CancellationToken.None));
        Assert.Equal(id, stored.Id);
        Assert.Equal(_store.Clock.GetUtcNow(), stored.DeadAt);
        Assert.Equal(letter with { Payload = default }, stored.Letter with { Payload = default });
        Assert.Equal("event 42/3", Encoding.UTF8.GetString(stored.Letter.Payload.Span));
        Assert.Equal(1, _store.Logger.Count(PostgresStreamEventIds.EventDeadLettered));
    }

    [Fact]
    public async Task Dead_lettering_the_same_event_again_updates_its_letter_and_adds_up_the_attempts()
    {
        var first = await Store.DeadLetterAsync(StreamStore.Provider, Letter(7, 0, 5, "first failure"), CancellationToken.None);
        _store.Clock.Advance(TimeSpan.FromMinutes(3));

        var again = await Store.DeadLetterAsync(StreamStore.Provider, Letter(7, 0, 5, "second failure"), CancellationToken.None);
        var otherEvent = await Store.DeadLetterAsync(StreamStore.Provider, Letter(7, 1, 5, "other event"), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherEvent);
        var letters = await Store.ReadDeadLettersAsync(StreamStore.Provider, 0, 10, CancellationToken.None);
        Assert.Equal([(first, 10, "second failure"), (otherEvent, 5, "other event")], letters.Select(l => (l.Id, l.Letter.Attempts, l.Letter.LastError)));
        Assert.Equal(_store.Clock.GetUtcNow(), letters[0].DeadAt);
    }

    [Fact]
    public async Task Dead_letters_page_by_id_stay_within_their_provider_and_can_be_deleted()
    {
        var ids = new List<long>();
        for (var seq = 1; seq <= 5; seq++)
        {
            ids.Add(await Store.DeadLetterAsync(StreamStore.Provider, Letter(seq, 0, 1, "boom"), CancellationToken.None));
        }

        await Store.DeadLetterAsync("other-provider", Letter(1, 0, 1, "elsewhere"), CancellationToken.None);

        var page = await Store.ReadDeadLettersAsync(StreamStore.Provider, 0, 2, CancellationToken.None);
        var next = await Store.ReadDeadLettersAsync(StreamStore.Provider, page[^1].Id, 10, CancellationToken.None);
        Assert.Equal(ids[..2], page.Select(l => l.Id));
        Assert.Equal(ids[2..], next.Select(l => l.Id));

        Assert.True(await Store.DeleteDeadLetterAsync(StreamStore.Provider, ids[0], CancellationToken.None));
        Assert.False(await Store.DeleteDeadLetterAsync(StreamStore.Provider, ids[0], CancellationToken.None));
        Assert.Equal([2L, 3L, 4L, 5L], (await Store.ReadDeadLettersAsync(StreamStore.Provider, 0, 10, CancellationToken.None)).Select(l => l.Letter.Seq));
    }

    private static StreamDeadLetter Letter(long seq, int eventIndex, int attempts, string error) => new(
        QueueId: 2,
        Seq: seq,
        EventIndex: eventIndex,
        StreamNamespace: "trades",
        StreamKey: "AAPL",
        SubscriptionId: Subscription,
        Consumer: "validation/AAPL",
        EventCount: 1,
        Attempts: attempts,
        LastError: error,
        Payload: Encoding.UTF8.GetBytes($"event {seq}/{eventIndex}"));
}
