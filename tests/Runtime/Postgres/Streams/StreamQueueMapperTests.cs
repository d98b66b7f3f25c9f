using TgeSwarm.Runtime.Postgres.Streams;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class StreamQueueMapperTests
{
    [Fact]
    public void The_hash_of_a_stream_is_a_fixed_value_so_every_process_and_every_release_maps_it_to_the_same_queue()
    {
        // Pinned: if these change, streams written before an upgrade are pulled from the wrong queue after it.
        Assert.Equal(1997695817u, StreamQueueHash.Of("trades", "AAPL"));
        Assert.Equal(91794203u, StreamQueueHash.Of("", ""));
        Assert.Equal(558620995u, StreamQueueHash.Of("features", "0"));
    }

    [Fact]
    public void The_namespace_and_key_boundary_is_part_of_the_hash()
    {
        Assert.NotEqual(StreamQueueHash.Of("a", "bc"), StreamQueueHash.Of("ab", "c"));
        Assert.NotEqual(StreamQueueHash.Of("", "abc"), StreamQueueHash.Of("abc", ""));
    }

    [Fact]
    public void Consecutive_keys_spread_evenly_over_the_queues()
    {
        var mapper = new StreamQueueMapper(8);
        var counts = new int[8];
        for (var i = 0; i < 8000; i++)
        {
            counts[mapper.GetQueueId("trades", $"instrument-{i}")]++;
        }

        // 1000 expected per queue; a fixed input, so this is a property of the hash, not a sample.
        Assert.All(counts, count => Assert.InRange(count, 900, 1100));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], mapper.QueueIds);
    }

    [Fact]
    public void Every_queue_id_is_within_the_queue_count()
    {
        var mapper = new StreamQueueMapper(3);

        Assert.All(Enumerable.Range(0, 1000), i => Assert.InRange(mapper.GetQueueId("ns", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamQueueMapper(0));
    }
}
