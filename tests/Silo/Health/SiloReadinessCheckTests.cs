using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Silo.Health;

namespace TgeSwarm.Silo.Tests.Health;

public sealed class SiloReadinessCheckTests
{
    [Theory]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Dead)]
    public async Task A_silo_that_is_not_active_is_not_ready_and_says_why(SiloStatus status)
    {
        var check = new SiloReadinessCheck(new Details(status));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(status.ToString(), result.Description);
    }

    [Fact]
    public async Task An_active_silo_is_ready()
    {
        var result = await new SiloReadinessCheck(new Details(SiloStatus.Active)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private sealed class Details(SiloStatus status) : ILocalSiloDetails
    {
        public string Name => "test";

        public SiloAddress SiloAddress { get; } = new(new IPEndPoint(IPAddress.Loopback, 11111), 1);

        public DateTimeOffset StartedAt => DateTimeOffset.UnixEpoch;

        public SiloStatus Status => status;
    }
}
