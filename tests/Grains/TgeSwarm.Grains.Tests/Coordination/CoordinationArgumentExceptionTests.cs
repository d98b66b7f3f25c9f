using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Tests.Coordination;

public sealed class CoordinationArgumentExceptionTests
{
    [Fact]
    public void Rebuilt_from_its_message_as_the_runtime_does_for_a_remote_exception_it_keeps_the_field()
    {
        var thrown = new CoordinationArgumentException("Shards must be between 1 and 256, not 0.", "shards");

        var rebuilt = new CoordinationArgumentException(thrown.Message, (Exception?)null);

        Assert.Equal("shards", rebuilt.ParamName);
        Assert.Equal(thrown.Message, rebuilt.Message);
    }

    [Fact]
    public void A_message_without_a_field_stays_as_it_is()
    {
        var rebuilt = new CoordinationArgumentException("no field here");

        Assert.Null(rebuilt.ParamName);
        Assert.Equal("no field here", rebuilt.Message);
    }
}
