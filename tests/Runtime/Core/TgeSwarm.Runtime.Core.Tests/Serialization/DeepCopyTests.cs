using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Serialization;

public sealed class DeepCopyTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void A_copy_shares_no_mutable_state_with_the_original()
    {
        var original = new OrderBookV2 { Instrument = "BTC", Trades = [], Levels = new() { ["1"] = 1m } };

        var copy = _serializer.DeepCopy(original);
        original.Trades.Add(new Trade("BTC", 1m, 1, DateTime.UnixEpoch, TradeSide.Buy));
        original.Levels["2"] = 2m;
        original.Instrument = "ETH";

        Assert.NotSame(original, copy);
        Assert.Empty(copy.Trades);
        Assert.Equal(["1"], copy.Levels!.Keys);
        Assert.Equal("BTC", copy.Instrument);
    }

    [Fact]
    public void Arrays_and_nested_lists_are_copied_element_by_element()
    {
        var original = new List<int[]> { new[] { 1, 2 } };

        var copy = _serializer.DeepCopy(original);
        original[0][0] = 99;

        Assert.Equal([1, 2], copy[0]);
    }

    [Fact]
    public void An_immutable_type_is_shared_not_copied()
    {
        var snapshot = new Snapshot("s", [1, 2]);

        Assert.Same(snapshot, _serializer.DeepCopy(snapshot));
    }

    [Fact]
    public void A_derived_value_in_a_base_typed_member_is_copied_as_its_own_type()
    {
        var drawing = new Drawing { Main = new Circle { Name = "c", Radius = 1 }, Payload = new List<string> { "p" } };

        var copy = _serializer.DeepCopy(drawing);
        ((Circle)drawing.Main).Radius = 5;
        ((List<string>)drawing.Payload).Add("q");

        Assert.Equal(1, Assert.IsType<Circle>(copy.Main).Radius);
        Assert.Equal(["p"], Assert.IsType<List<string>>(copy.Payload));
    }

    [Fact]
    public void Private_members_are_carried_into_the_copy()
    {
        var copy = _serializer.DeepCopy(new Sealed(7, "x", Guid.Empty));

        Assert.Equal(7, copy.Secret);
    }
}
