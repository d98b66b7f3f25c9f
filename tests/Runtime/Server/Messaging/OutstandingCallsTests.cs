using System.Net;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Tests.Messaging;

/// <summary>The table of calls waiting for a response: each leaves exactly once, ring slot or overflow alike.</summary>
public sealed class OutstandingCallsTests
{
    private static readonly SiloAddress First = new(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress Second = new(new IPEndPoint(IPAddress.Loopback, 22222), 1);

    private readonly OutstandingCalls _calls = new();

    [Fact]
    public void A_response_takes_its_call_once_and_a_second_response_finds_nothing()
    {
        var request = new Probe();
        var id = _calls.Add(request, First);

        Assert.True(_calls.TryTake(id, out var taken));
        Assert.Same(request, taken);
        Assert.Equal(0, request.MessageId);
        Assert.False(_calls.TryTake(id, out _));
        Assert.False(_calls.TryRemove(request));
        Assert.Equal(0, _calls.Count);
    }

    [Fact]
    public void A_call_removed_by_its_timeout_is_not_taken_by_a_late_response()
    {
        var request = new Probe();
        var id = _calls.Add(request, First);

        Assert.True(_calls.TryRemove(request));
        Assert.False(_calls.TryTake(id, out _));
        Assert.False(_calls.TryRemove(request));
    }

    [Fact]
    public void A_call_whose_ring_slot_is_held_by_an_older_waiting_call_waits_beside_the_ring()
    {
        var old = new Probe();
        var oldId = _calls.Add(old, First);
        for (var i = 1; i < OutstandingCalls.SlotCount; i++)
        {
            var request = new Probe();
            var id = _calls.Add(request, First);
            Assert.True(_calls.TryTake(id, out _));
        }

        // The next id names the old call's slot again.
        var clash = new Probe();
        var clashId = _calls.Add(clash, Second);
        Assert.Equal(oldId + OutstandingCalls.SlotCount, clashId);
        Assert.Equal(2, _calls.Count);

        Assert.True(_calls.TryTake(clashId, out var takenClash));
        Assert.Same(clash, takenClash);
        Assert.True(_calls.TryTake(oldId, out var takenOld));
        Assert.Same(old, takenOld);
        Assert.Equal(0, _calls.Count);
    }

    [Fact]
    public void A_dead_silos_calls_leave_together_and_the_others_stay()
    {
        var onFirst = Enumerable.Range(0, 3).Select(_ => new Probe()).ToArray();
        var onSecond = new Probe();
        foreach (var request in onFirst)
        {
            _calls.Add(request, First);
        }

        var secondId = _calls.Add(onSecond, Second);

        var taken = _calls.TakeAllFor(First);

        Assert.Equal(onFirst.OrderBy(r => r.MessageId), taken.OrderBy(r => r.MessageId));
        Assert.Equal(1, _calls.Count);
        Assert.True(_calls.TryTake(secondId, out _));
    }

    [Fact]
    public void Expired_calls_are_listed_and_stay_until_failed()
    {
        var expired = new Probe { DeadlineTimestamp = 10 };
        var waiting = new Probe { DeadlineTimestamp = 100 };
        _calls.Add(expired, First);
        _calls.Add(waiting, First);

        var found = new List<GrainRequest>();
        _calls.CollectExpired(50, found);

        Assert.Same(expired, Assert.Single(found));
        Assert.Equal(2, _calls.Count);
        Assert.Equal(2, _calls.TakeAll().Count);
        Assert.Equal(0, _calls.Count);
    }

    [Fact]
    public async Task Concurrent_adds_and_takes_lose_no_call_and_take_none_twice()
    {
        const int PerThread = 20_000;
        var takenTwice = 0;
        var taken = 0;
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var request = new Probe();
                var id = _calls.Add(request, First);
                if (!_calls.TryTake(id, out _))
                {
                    Interlocked.Increment(ref takenTwice);
                }
                else
                {
                    Interlocked.Increment(ref taken);
                }

                if (_calls.TryTake(id, out _) || _calls.TryRemove(request))
                {
                    Interlocked.Increment(ref takenTwice);
                }
            }
        }));

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, takenTwice);
        Assert.Equal(4 * PerThread, taken);
        Assert.Equal(0, _calls.Count);
    }

    /// <summary>The least request there is: the table only keeps and compares it.</summary>
    private sealed class Probe : GrainRequest<int>
    {
        public override uint MethodId => 1;

        public override string InterfaceName => "IProbe";

        public override string MethodName => "Probe";

        public override int ArgumentCount => 0;

        public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public override void CopyArguments(CodecProvider codecs)
        {
        }

        public override void WriteArguments(ref SwarmWriter writer, CodecProvider codecs)
        {
        }

        public override void ReadArguments(ref SwarmReader reader, CodecProvider codecs)
        {
        }

        protected override ValueTask<int> InvokeMethodAsync(object target) => ValueTask.FromResult(0);
    }
}
