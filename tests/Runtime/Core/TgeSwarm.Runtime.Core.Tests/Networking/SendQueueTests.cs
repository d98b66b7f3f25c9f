using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Tests.Networking;

public sealed class SendQueueTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_full_queue_refuses_until_the_writer_takes_one()
    {
        var queue = new SendQueue(capacity: 2);

        Assert.True(queue.TryEnqueue(Message(1)));
        Assert.True(queue.TryEnqueue(Message(2)));
        Assert.False(queue.TryEnqueue(Message(3)));
        Assert.Equal(2, queue.Count);

        Assert.True(queue.TryDequeue(out var first));
        Assert.Equal(1, first.Id);
        Assert.True(queue.TryEnqueue(Message(3)));
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public async Task A_sender_waiting_for_room_gets_in_after_a_take_and_keeps_its_place_behind_the_queued()
    {
        var queue = new SendQueue(capacity: 1);
        Assert.True(queue.TryEnqueue(Message(1)));

        var waiting = queue.EnqueueAsync(Message(2), CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        Assert.True(queue.TryDequeue(out var first));
        queue.OnTaken();

        Assert.True(await waiting.WaitAsync(Bound));
        Assert.True(queue.TryDequeue(out var second));
        Assert.Equal([1L, 2L], [first.Id, second.Id]);
    }

    [Fact]
    public async Task The_writer_wakes_for_a_message_sent_after_it_started_waiting()
    {
        var queue = new SendQueue(capacity: 8);
        var reading = queue.WaitToReadAsync(CancellationToken.None).AsTask();
        Assert.False(reading.IsCompleted);

        Assert.True(queue.TryEnqueue(Message(7)));

        Assert.True(await reading.WaitAsync(Bound));
        Assert.True(queue.TryDequeue(out var message));
        Assert.Equal(7, message.Id);
    }

    [Fact]
    public async Task Completing_refuses_later_sends_ends_the_writer_and_the_waiting_senders_and_hands_back_what_was_accepted()
    {
        var queue = new SendQueue(capacity: 2);
        Assert.True(queue.TryEnqueue(Message(1)));
        Assert.True(queue.TryEnqueue(Message(2)));
        var waiting = queue.EnqueueAsync(Message(3), CancellationToken.None).AsTask();

        queue.Complete();

        Assert.False(await waiting.WaitAsync(Bound));
        Assert.False(queue.TryEnqueue(Message(4)));
        var remaining = new List<long>();
        while (queue.TryTakeRemaining(out var message))
        {
            remaining.Add(message.Id);
        }

        Assert.Equal([1L, 2L], remaining);
        Assert.False(await queue.WaitToReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound));
    }

    [Fact]
    public async Task Concurrent_senders_and_one_writer_lose_nothing_and_keep_each_senders_order()
    {
        const int Senders = 4;
        const int PerSender = 20_000;
        var queue = new SendQueue(capacity: 64);
        var received = new List<long>[Senders];
        for (var s = 0; s < Senders; s++)
        {
            received[s] = [];
        }

        var writer = Task.Run(async () =>
        {
            var total = 0;
            while (total < Senders * PerSender && await queue.WaitToReadAsync(CancellationToken.None))
            {
                while (queue.TryDequeue(out var message))
                {
                    received[message.Id / PerSender].Add(message.Id % PerSender);
                    total++;
                }

                queue.OnTaken();
            }
        });
        var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                var message = Message(((long)s * PerSender) + i);
                Assert.True(queue.TryEnqueue(message) || await queue.EnqueueAsync(message, CancellationToken.None));
            }
        })).ToArray();

        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(60));
        await writer.WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var ids in received)
        {
            Assert.Equal(Enumerable.Range(0, PerSender).Select(static i => (long)i), ids);
        }

        Assert.Equal(0, queue.Count);
    }

    private static Message Message(long id) => new() { Kind = MessageKind.Request, Id = id };
}
