using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Tests.Configuration;

public sealed class SwarmHostOptionsValidatorTests
{
    private const string Secret = "0123456789abcdef";
    private const string ConnectionString = "Host=127.0.0.1;Port=5433;Username=swarm;Password=swarm;Database=swarm_test";

    [Fact]
    public void The_defaults_are_the_embedded_default_and_valid()
    {
        var options = new SwarmHostOptions();

        Assert.False(options.IsClusterMember);
        Assert.Equal(11111, options.SiloPort);
        Assert.Equal("127.0.0.1", options.AdvertisedAddress);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void A_cluster_member_with_a_connection_string_and_a_secret_is_valid()
    {
        var options = new SwarmHostOptions { Postgres = ConnectionString, ClusterSecret = Secret, SiloName = "silo1", ClusterId = "c", ServiceId = "s", SiloPort = 0 };

        Assert.True(options.IsClusterMember);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void A_cluster_member_without_a_secret_is_refused()
    {
        var result = Validate(new SwarmHostOptions { Postgres = ConnectionString });

        Assert.Equal(["Swarm:ClusterSecret is required when Swarm:Postgres is set: cluster members must authenticate each other."], result.Failures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ConnectionString)]
    public void A_short_secret_is_refused_with_or_without_postgres(string? postgres)
    {
        var result = Validate(new SwarmHostOptions { Postgres = postgres, ClusterSecret = "short" });

        Assert.Equal(["Swarm:ClusterSecret must be at least 16 characters (was 5)."], result.Failures);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_echoing_it()
    {
        var result = Validate(new SwarmHostOptions { Postgres = "Host=x;Password='p4ssw0rd", ClusterSecret = Secret });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Swarm:Postgres is not a valid connection string: ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("p4ssw0rd", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_connection_string_is_refused_rather_than_read_as_the_embedded_default()
    {
        var result = Validate(new SwarmHostOptions { Postgres = " ", ClusterSecret = Secret });

        Assert.Equal(["Swarm:Postgres is set but empty; remove it for the embedded default, or give a connection string."], result.Failures);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void A_port_outside_0_to_65535_is_refused(int port)
    {
        var result = Validate(new SwarmHostOptions { SiloPort = port });

        Assert.Equal([$"Swarm:SiloPort must be between 0 and 65535 (was {port})."], result.Failures);
    }

    [Fact]
    public void An_advertised_address_that_is_no_ip_address_is_refused()
    {
        var result = Validate(new SwarmHostOptions { AdvertisedAddress = "localhost" });

        Assert.Equal(["Swarm:AdvertisedAddress must be an IP address (was 'localhost')."], result.Failures);
    }

    [Fact]
    public void Blank_names_are_refused_each_by_name()
    {
        var result = Validate(new SwarmHostOptions { SiloName = "", ClusterId = " ", ServiceId = "\t" });

        Assert.Equal(
            [
                "Swarm:SiloName must not be blank; remove it to use the default.",
                "Swarm:ClusterId must not be blank; remove it to use the default.",
                "Swarm:ServiceId must not be blank; remove it to use the default.",
            ],
            result.Failures);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SwarmHostOptions options) =>
        new SwarmHostOptionsValidator().Validate(name: null, options);
}
