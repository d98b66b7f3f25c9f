using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Postgres.Streams;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class PostgresStreamOptionsValidatorTests
{
    private const string ConnectionString = "Host=127.0.0.1;Username=u;Password=p;Database=d";

    [Fact]
    public void The_defaults_with_a_connection_string_are_valid_and_match_orleans()
    {
        var options = new PostgresStreamOptions { ConnectionString = ConnectionString };

        var result = new PostgresStreamOptionsValidator().Validate("pg", options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(8, options.QueueCount);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.PollInterval);
        Assert.Equal(5, options.MaxDeliveryAttempts);
    }

    [Fact]
    public void Every_invalid_setting_is_reported_with_the_provider_name()
    {
        var options = new PostgresStreamOptions
        {
            ServiceId = " ",
            QueueCount = 0,
            PollInterval = TimeSpan.Zero,
            MaxRowsPerRead = 0,
            RetentionPeriod = Timeout.InfiniteTimeSpan,
            MaxDeliveryAttempts = 0,
            TrimInterval = TimeSpan.FromSeconds(-1),
        };

        var result = new PostgresStreamOptionsValidator().Validate("pg", options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToArray();
        Assert.Equal(8, failures.Length);
        Assert.All(failures, f => Assert.StartsWith("PostgreSQL stream provider 'pg': ", f, StringComparison.Ordinal));
        foreach (var setting in new[] { "ConnectionString", "ServiceId", "QueueCount", "PollInterval", "MaxRowsPerRead", "RetentionPeriod", "MaxDeliveryAttempts", "TrimInterval" })
        {
            Assert.Single(failures, f => f.Contains(setting, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_malformed_connection_string_is_reported()
    {
        var result = new PostgresStreamOptionsValidator().Validate("pg", new PostgresStreamOptions { ConnectionString = "Host=x;Nonsense Key=1" });

        Assert.Contains("not a valid Npgsql connection string", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
