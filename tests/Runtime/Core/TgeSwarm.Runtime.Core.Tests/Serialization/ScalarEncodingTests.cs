using System.Buffers.Binary;

namespace TgeSwarm.Runtime.Tests.Serialization;

/// <summary>The exact bytes of the one-byte varint fast paths and of decimals, against WIRE-FORMAT.md.</summary>
public sealed class ScalarEncodingTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    public static TheoryData<decimal> Decimals() =>
    [
        0m, 1m, -1m, 0.01234m, 67_321.45m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m,
        -79228162514264.337593543950335m, 1.000000000000000000000000000m,
    ];

    [Theory]
    [MemberData(nameof(Decimals))]
    public void A_decimal_is_sixteen_length_prefixed_bytes_of_its_bits(decimal value)
    {
        var expected = new byte[18];
        expected[0] = 0x03;
        expected[1] = 16;
        var bits = decimal.GetBits(value);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(expected.AsSpan(2 + (i * 4)), bits[i]);
        }

        Assert.Equal(expected, _serializer.SerializeToArray(value));
        var output = new ChunkedBufferWriter();
        _serializer.Serialize(value, output);
        Assert.Equal(expected, output.WrittenBytes);
    }

    [Theory]
    [MemberData(nameof(Decimals))]
    public void A_decimal_reads_back_with_its_scale(decimal value)
    {
        var copy = _serializer.RoundTrip(value);

        Assert.Equal(decimal.GetBits(value), decimal.GetBits(copy));
    }

    [Fact]
    public void A_decimal_with_an_impossible_scale_is_a_serialization_exception()
    {
        var bytes = _serializer.SerializeToArray(1m);
        bytes[^2] = 29;

        Assert.Throws<SerializationException>(() => _serializer.Deserialize<decimal>(bytes));
    }

    [Fact]
    public void A_decimal_of_the_wrong_length_is_a_serialization_exception()
    {
        byte[] bytes = [0x03, 15, .. new byte[15]];

        Assert.Throws<SerializationException>(() => _serializer.Deserialize<decimal>(bytes));
    }

    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(1UL, new byte[] { 0x01 })]
    [InlineData(127UL, new byte[] { 0x7F })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383UL, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384UL, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(ulong.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void Varints_are_base_128_least_significant_group_first(ulong value, byte[] payload)
    {
        var bytes = _serializer.SerializeToArray(value);
        var output = new ChunkedBufferWriter();
        _serializer.Serialize(value, output);

        Assert.Equal([0x00, .. payload], bytes);
        Assert.Equal(bytes, output.WrittenBytes);
        Assert.Equal(value, _serializer.Deserialize<ulong>(bytes));
    }

    [Fact]
    public void Varints_of_every_length_match_a_byte_at_a_time_encoding_and_read_back()
    {
        var random = new Random(20250314);
        for (var bits = 0; bits <= 64; bits++)
        {
            for (var sample = 0; sample < 50; sample++)
            {
                // A value of exactly `bits` significant bits (its top bit set), so every varint length and boundary is hit.
                var value = bits == 0 ? 0UL : (1UL << (bits - 1)) | ((ulong)random.NextInt64() & ((1UL << (bits - 1)) - 1));
                byte[] expected = [0x00, .. ReferenceVarint(value)];

                var bytes = _serializer.SerializeToArray(value);
                var output = new ChunkedBufferWriter();
                _serializer.Serialize(value, output);

                Assert.Equal(expected, bytes);
                Assert.Equal(expected, output.WrittenBytes);
                Assert.Equal(value, _serializer.Deserialize<ulong>(bytes));
                Assert.Equal(unchecked((long)value), _serializer.RoundTrip(unchecked((long)value)));
            }
        }
    }

    [Fact]
    public void A_tenth_varint_byte_above_one_is_an_overflow_not_a_value()
    {
        byte[] bytes = [0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02];

        var error = Assert.Throws<SerializationException>(() => _serializer.Deserialize<ulong>(bytes));

        Assert.Contains("overflows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(15u, new byte[] { 0x78 })]
    [InlineData(16u, new byte[] { 0x80, 0x01 })]
    public void A_field_header_is_one_byte_up_to_id_15(uint fieldId, byte[] header)
    {
        var output = new ChunkedBufferWriter();
        var writer = new SwarmWriter(output);

        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.Commit();

        Assert.Equal(header, output.WrittenBytes);
        var reader = new SwarmReader(header);
        Assert.True(reader.TryReadFieldHeader(out var id, out var wireType));
        Assert.Equal((fieldId, WireType.VarInt), (id, wireType));
    }

    [Fact]
    public void A_varint_longer_than_ten_bytes_is_a_serialization_exception()
    {
        byte[] bytes = [0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];

        Assert.Throws<SerializationException>(() => _serializer.Deserialize<ulong>(bytes));
    }

    [Fact]
    public void A_varint_cut_short_is_a_serialization_exception()
    {
        byte[] bytes = [0x00, 0x80, 0xFF, 0xFF];

        var error = Assert.Throws<SerializationException>(() => _serializer.Deserialize<ulong>(bytes));

        Assert.Contains("Truncated input at byte 4", error.Message, StringComparison.Ordinal);
    }

    private static List<byte> ReferenceVarint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return bytes;
    }
}
