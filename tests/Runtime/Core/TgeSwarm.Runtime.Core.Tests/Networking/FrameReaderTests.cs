using System.Buffers.Binary;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Tests.Networking;

/// <summary>Cutting length-prefixed frames off one buffer segment.</summary>
public sealed class FrameReaderTests
{
    [Fact]
    public void Whole_frames_are_cut_in_order_and_a_partial_one_is_left_for_more_bytes()
    {
        var bytes = Framed([1, 2, 3], [], [4, 5]).Concat(Prefix(10)).Concat(new byte[3]).ToArray();
        var offset = 0;

        var frames = new List<byte[]>();
        while (FrameReader.TryReadContiguous(bytes, ref offset, maxFrameSize: 100, out var frame))
        {
            frames.Add(frame.ToArray());
        }

        Assert.Equal([[1, 2, 3], [], [4, 5]], frames);
        Assert.Equal(4 + 3 + 4 + 4 + 2, offset);
    }

    [Fact]
    public void Fewer_bytes_than_a_length_prefix_are_no_frame()
    {
        var offset = 0;

        Assert.False(FrameReader.TryReadContiguous(new byte[3], ref offset, maxFrameSize: 100, out _));
        Assert.Equal(0, offset);
    }

    [Fact]
    public void A_prefix_over_the_maximum_is_refused_before_the_frame_arrives()
    {
        var offset = 0;
        var bytes = Prefix(101);

        var error = Assert.Throws<FrameTooLargeException>(() => FrameReader.TryReadContiguous(bytes, ref offset, maxFrameSize: 100, out _));

        Assert.Contains("101 bytes", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Framed(params byte[][] payloads) => [.. payloads.SelectMany(static p => Prefix(p.Length).Concat(p))];

    private static byte[] Prefix(int length)
    {
        var prefix = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, length);
        return prefix;
    }
}
