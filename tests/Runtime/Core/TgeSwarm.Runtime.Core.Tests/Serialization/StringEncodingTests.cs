using System.Buffers;
using System.Text;

namespace TgeSwarm.Runtime.Tests.Serialization;

/// <summary>
/// Strings take a one-pass path while their byte count surely fits a one-byte varint (up to 42 chars) and a counted
/// path beyond: both must produce exactly "varint byte count, then <see cref="Encoding.UTF8"/> bytes".
/// </summary>
public sealed class StringEncodingTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    public static TheoryData<string> Strings()
    {
        var data = new TheoryData<string>();
        foreach (var length in new[] { 0, 1, 41, 42, 43, 63, 64, 127, 128, 129, 200, 16_383, 16_384, 70_000 })
        {
            data.Add(new string('a', length));
        }

        // Two- and three-byte chars around the limit: 42 × 3 = 126 bytes still fit one varint byte, 43 × 3 = 129 do not.
        data.Add(new string('é', 42));
        data.Add(new string('✓', 42));
        data.Add(new string('✓', 43));
        data.Add(new string('a', 41) + "✓");
        data.Add(new string('✓', 41) + "é");
        data.Add(new string('a', 42) + "✓");

        // Surrogate pairs (four bytes for two chars), including one straddling the 42-char limit.
        data.Add(string.Concat(Enumerable.Repeat("😀", 21)));
        data.Add(string.Concat(Enumerable.Repeat("😀", 22)));
        data.Add(new string('a', 41) + "😀");
        data.Add(new string('✓', 40) + "😀");
        data.Add("😀");

        // Lone surrogates: written as U+FFFD, like Encoding.UTF8 does.
        data.Add("\uD800");
        data.Add("a\uDC00b");
        data.Add(new string('a', 41) + "\uD83D");
        data.Add(new string('\uDFFF', 42));
        data.Add(new string('\uD800', 43));
        return data;
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_is_its_utf8_byte_count_then_its_utf8_bytes(string value)
    {
        var bytes = _serializer.SerializeToArray(value);

        Assert.Equal(Expected(value), bytes);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_is_written_the_same_when_every_write_needs_a_new_span(string value)
    {
        var output = new ChunkedBufferWriter();

        _serializer.Serialize(value, output);

        Assert.Equal(Expected(value), output.WrittenBytes);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_reads_back_as_utf8_decodes_it(string value)
    {
        var copy = _serializer.RoundTrip(value);

        Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)), copy);
    }

    [Fact]
    public void Strings_among_other_fields_keep_their_neighbours_intact()
    {
        var values = new List<string> { "", "x", new('✓', 42), new('✓', 43), "😀", new('a', 128) };

        var copy = _serializer.RoundTrip(values);

        Assert.Equal(values, copy);
    }

    [Fact]
    public void Writing_a_null_string_payload_is_an_argument_error()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentNullException>(() =>
        {
            var writer = new SwarmWriter(output);
            writer.WriteString(null!);
        });
    }

    [Fact]
    public void A_string_longer_than_its_input_fails_as_truncated()
    {
        var bytes = _serializer.SerializeToArray(new string('✓', 42));

        for (var length = 1; length < bytes.Length; length++)
        {
            Assert.Throws<SerializationException>(() => _serializer.Deserialize<string>(bytes.AsSpan(0, length)));
        }
    }

    private static byte[] Expected(string value)
    {
        // Root header: field 0, LengthPrefixed (3); then the byte count as a base-128 varint; then the bytes.
        var utf8 = Encoding.UTF8.GetBytes(value);
        var expected = new List<byte> { 0x03 };
        var length = (uint)utf8.Length;
        while (length >= 0x80)
        {
            expected.Add((byte)(length | 0x80));
            length >>= 7;
        }

        expected.Add((byte)length);
        expected.AddRange(utf8);
        return [.. expected];
    }
}
