using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Tests.Client;

public sealed class GatewayOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_Orleans_and_valid()
    {
        var options = new GatewayOptions();

        Assert.Equal(TimeSpan.FromMinutes(1), options.GatewayListRefreshPeriod);
        Assert.Equal(15, options.InitialConnectionAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.ConnectionRetryBackoff);
        Assert.True(new GatewayOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_invalid_setting_is_named_in_one_failure()
    {
        var options = new GatewayOptions
        {
            GatewayListRefreshPeriod = TimeSpan.Zero,
            InitialConnectionAttempts = 0,
            ConnectionRetryBackoff = TimeSpan.Zero,
        };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("GatewayOptions.GatewayListRefreshPeriod must be positive", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("GatewayOptions.InitialConnectionAttempts must be at least 1", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("GatewayOptions.ConnectionRetryBackoff must be positive", result.FailureMessage, StringComparison.Ordinal);
    }
}
