using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Serialization;

public sealed class PolymorphismTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void A_derived_value_in_a_base_typed_field_comes_back_as_the_derived_type()
    {
        var drawing = new Drawing { Main = new Circle { Name = "sun", Radius = 3 }, Shapes = [new Shape { Name = "plain" }, new Circle { Radius = 1 }] };

        var copy = _serializer.RoundTrip(drawing);

        var main = Assert.IsType<Circle>(copy.Main);
        Assert.Equal(("sun", 3.0), (main.Name, main.Radius));
        Assert.IsType<Shape>(copy.Shapes[0]);
        Assert.Equal(1, Assert.IsType<Circle>(copy.Shapes[1]).Radius);
    }

    [Fact]
    public void Object_fields_carry_built_in_values_collections_and_generated_types()
    {
        object[] payloads = [42, "text", Guid.Empty, new List<int> { 1 }, new Dictionary<string, long[]> { ["a"] = [1L] }, (1, "x"), TradeSide.Buy, new Trade("A", 1m, 1, DateTime.UnixEpoch, TradeSide.Sell)];
        foreach (var payload in payloads)
        {
            var copy = _serializer.RoundTrip(new Drawing { Payload = payload }).Payload;

            Assert.IsType(payload.GetType(), copy);
            Assert.Equal(_serializer.SerializeToArray<object>(payload), _serializer.SerializeToArray(copy));
        }
    }

    [Fact]
    public void A_value_of_exactly_the_declared_type_takes_the_compact_form()
    {
        var exact = _serializer.SerializeToArray<Shape>(new Shape { Name = "a" });
        var derived = _serializer.SerializeToArray<Shape>(new Circle { Name = "a" });

        Assert.Equal((byte)WireType.StartObject, exact[0]);
        Assert.Equal((byte)WireType.TypedObject, derived[0]);
    }

    [Fact]
    public void A_type_without_an_alias_cannot_hide_behind_object()
    {
        var error = Assert.Throws<CodecNotFoundException>(() => _serializer.SerializeToArray<object>(new Uri("http://x")));

        Assert.Contains("System.Uri", error.Message, StringComparison.Ordinal);
    }
}
