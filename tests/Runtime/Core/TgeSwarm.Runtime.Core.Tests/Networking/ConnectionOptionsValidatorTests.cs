using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Tests.Networking;

public sealed class ConnectionOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_Orleans()
    {
        var options = new ConnectionOptions();

        Assert.True(new ConnectionOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(5), options.OpenConnectionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ConnectionRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HandshakeTimeout);
        Assert.Equal(64 * 1024 * 1024, options.MaxFrameSize);
        Assert.Equal(65_536, options.SendQueueCapacity);
        Assert.Null(options.ClusterSecret);
    }

    [Fact]
    public void Nonsense_settings_are_each_named()
    {
        var options = new ConnectionOptions
        {
            OpenConnectionTimeout = TimeSpan.Zero,
            HandshakeTimeout = TimeSpan.FromSeconds(-1),
            ConnectionRetryDelay = TimeSpan.FromSeconds(-1),
            MaxFrameSize = 10,
            SendQueueCapacity = 0,
        };

        var result = new ConnectionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, static f => f.StartsWith("ConnectionOptions.MaxFrameSize must be between 1024", StringComparison.Ordinal));
    }
}
