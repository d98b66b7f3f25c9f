using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Tests.Serialization;

public sealed class BuiltInCodecTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void Integers_round_trip_at_their_extremes()
    {
        Assert.Equal(byte.MaxValue, _serializer.RoundTrip(byte.MaxValue));
        Assert.Equal(sbyte.MinValue, _serializer.RoundTrip(sbyte.MinValue));
        Assert.Equal(short.MinValue, _serializer.RoundTrip(short.MinValue));
        Assert.Equal(ushort.MaxValue, _serializer.RoundTrip(ushort.MaxValue));
        Assert.Equal(int.MinValue, _serializer.RoundTrip(int.MinValue));
        Assert.Equal(uint.MaxValue, _serializer.RoundTrip(uint.MaxValue));
        Assert.Equal(long.MinValue, _serializer.RoundTrip(long.MinValue));
        Assert.Equal(long.MaxValue, _serializer.RoundTrip(long.MaxValue));
        Assert.Equal(ulong.MaxValue, _serializer.RoundTrip(ulong.MaxValue));
        Assert.Equal(-1, _serializer.RoundTrip(-1));
    }

    [Fact]
    public void Scalars_round_trip_exactly()
    {
        Assert.True(_serializer.RoundTrip(true));
        Assert.Equal('λ', _serializer.RoundTrip('λ'));
        Assert.Equal(3.25f, _serializer.RoundTrip(3.25f));
        Assert.Equal(double.Epsilon, _serializer.RoundTrip(double.Epsilon));
        Assert.Equal(-79228162514264337593543950335m, _serializer.RoundTrip(decimal.MinValue));
        Assert.Equal(0.000001m, _serializer.RoundTrip(0.000001m));
        Assert.Equal("héllo, wörld ✓", _serializer.RoundTrip("héllo, wörld ✓"));
        Assert.Equal("", _serializer.RoundTrip(""));
        Assert.Null(_serializer.RoundTrip<string?>(null));
        var guid = Guid.NewGuid();
        Assert.Equal(guid, _serializer.RoundTrip(guid));
        Assert.Equal(TimeSpan.FromTicks(-123456789), _serializer.RoundTrip(TimeSpan.FromTicks(-123456789)));
        Assert.Equal(new byte[] { 0, 1, 255 }, _serializer.RoundTrip(new byte[] { 0, 1, 255 }));
        Assert.Equal(default, _serializer.RoundTrip(default(VoidResult)));
    }

    [Fact]
    public void Dates_keep_their_kind_and_offset()
    {
        var utc = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234);
        var local = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Local);
        var offset = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5.5));

        var utcCopy = _serializer.RoundTrip(utc);
        var localCopy = _serializer.RoundTrip(local);
        var offsetCopy = _serializer.RoundTrip(offset);

        Assert.Equal((utc.Ticks, DateTimeKind.Utc), (utcCopy.Ticks, utcCopy.Kind));
        Assert.Equal((local.Ticks, DateTimeKind.Local), (localCopy.Ticks, localCopy.Kind));
        Assert.Equal((offset.Ticks, offset.Offset), (offsetCopy.Ticks, offsetCopy.Offset));
    }

    [Fact]
    public void Enums_nullables_and_grain_ids_round_trip()
    {
        Assert.Equal(DayOfWeek.Saturday, _serializer.RoundTrip(DayOfWeek.Saturday));
        Assert.Equal(ConsoleModifiers.Alt | ConsoleModifiers.Control, _serializer.RoundTrip(ConsoleModifiers.Alt | ConsoleModifiers.Control));
        Assert.Equal(42, _serializer.RoundTrip<int?>(42));
        Assert.Null(_serializer.RoundTrip<int?>(null));
        Assert.Equal(GrainId.Create("counter", "a/b+c"), _serializer.RoundTrip(GrainId.Create("counter", "a/b+c")));
        Assert.True(_serializer.RoundTrip(default(GrainId)).IsDefault);
    }

    [Fact]
    public void Collections_round_trip_with_their_elements()
    {
        Assert.Equal([1, -2, 3], _serializer.RoundTrip(new[] { 1, -2, 3 }));
        Assert.Equal(["a", null, "c"], _serializer.RoundTrip(new List<string?> { "a", null, "c" }));
        Assert.Equal([4L, 5L], _serializer.RoundTrip<IReadOnlyList<long>>([4L, 5L]));
        Assert.Equal([6, 7], _serializer.RoundTrip<IEnumerable<int>>(new HashSet<int> { 6, 7 }.Order()));
        Assert.Equal(["x", "y"], _serializer.RoundTrip(new HashSet<string> { "x", "y" }).Order());
        var dictionary = new Dictionary<string, List<int>> { ["a"] = [1], ["b"] = [] };
        var dictionaryCopy = _serializer.RoundTrip<IReadOnlyDictionary<string, List<int>>>(dictionary);
        Assert.Equal(dictionary.Keys, dictionaryCopy.Keys);
        Assert.Equal([1], dictionaryCopy["a"]);
        Assert.Empty(dictionaryCopy["b"]);
        Assert.Empty(_serializer.RoundTrip(Array.Empty<Guid>()));
        Assert.Null(_serializer.RoundTrip<List<int>?>(null));
    }

    [Fact]
    public void Tuples_and_pairs_round_trip()
    {
        Assert.Equal(new KeyValuePair<string, int>("k", 9), _serializer.RoundTrip(new KeyValuePair<string, int>("k", 9)));
        Assert.Equal(ValueTuple.Create(1), _serializer.RoundTrip(ValueTuple.Create(1)));
        Assert.Equal((1, "two"), _serializer.RoundTrip((1, "two")));
        Assert.Equal((1, "two", 3.0), _serializer.RoundTrip((1, "two", 3.0)));
        Assert.Equal((1, "two", 3.0, 'c'), _serializer.RoundTrip((1, "two", 3.0, 'c')));
    }

    [Fact]
    public void Small_integers_take_two_bytes_with_their_header()
    {
        Assert.Equal([0x00, 0x02], _serializer.SerializeToArray(1));
        Assert.Equal([0x00, 0x01], _serializer.SerializeToArray(-1));
    }

    [Fact]
    public void A_type_without_a_codec_fails_naming_the_type_and_the_fix()
    {
        var error = Assert.Throws<CodecNotFoundException>(() => _serializer.SerializeToArray(new Uri("http://x")));

        Assert.Contains("System.Uri", error.Message, StringComparison.Ordinal);
        Assert.Contains("[GenerateSerializer]", error.Message, StringComparison.Ordinal);
    }
}
