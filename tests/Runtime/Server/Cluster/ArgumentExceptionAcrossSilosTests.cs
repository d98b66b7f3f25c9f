using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Cluster;

/// <summary>
/// A grain's argument exception reaches a caller on another silo with its parameter name (which the REST API turns
/// into a 400 naming the field) and the message the grain's code wrote. The reminder grain's registration validates
/// its arguments before it needs a reminder service, so it throws all three kinds.
/// </summary>
public sealed class ArgumentExceptionAcrossSilosTests(ArgumentExceptionAcrossSilosTests.Fixture fixture)
    : IClassFixture<ArgumentExceptionAcrossSilosTests.Fixture>
{
    private const string GrainType = "reminder";

    [Fact]
    public async Task An_argument_exception_from_a_grain_on_another_silo_keeps_its_parameter_name_and_message()
    {
        var (caller, key) = RemoteKey("argument");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.ClientOf(caller).GetGrain<IReminderGrain>(key).RegisterAsync(" ", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));

        Assert.Equal("reminderName", error.ParamName);
        Assert.Equal(LocalMessage(() => ArgumentException.ThrowIfNullOrWhiteSpace(" ", "reminderName")), error.Message);
        AssertRanOnOtherSilo(caller, key);
    }

    [Fact]
    public async Task An_argument_null_exception_from_a_grain_on_another_silo_keeps_its_parameter_name_and_message()
    {
        var (caller, key) = RemoteKey("argument-null");

        var error = await Assert.ThrowsAsync<ArgumentNullException>(
            () => fixture.ClientOf(caller).GetGrain<IReminderGrain>(key).RegisterAsync(null!, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));

        Assert.Equal("reminderName", error.ParamName);
        Assert.Equal(LocalMessage(() => ArgumentException.ThrowIfNullOrWhiteSpace(null, "reminderName")), error.Message);
        AssertRanOnOtherSilo(caller, key);
    }

    [Fact]
    public async Task An_argument_out_of_range_exception_from_a_grain_on_another_silo_keeps_its_parameter_name_and_message()
    {
        var (caller, key) = RemoteKey("out-of-range");
        var period = TimeSpan.FromSeconds(-1);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => fixture.ClientOf(caller).GetGrain<IReminderGrain>(key).RegisterAsync("r", TimeSpan.FromMinutes(1), period));

        Assert.Equal("period", error.ParamName);
        // The grain's own text once, then what .NET appends: the parameter, and the actual value on a line of its own.
        var grainText = $"Reminder 'r' of grain {GrainId.Create(GrainType, key)}: the period must be positive and finite, not {period}.";
        Assert.StartsWith(grainText, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($" (Parameter 'period'){Environment.NewLine}Actual value was {period}.", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message.IndexOf("(Parameter", StringComparison.Ordinal), error.Message.LastIndexOf("(Parameter", StringComparison.Ordinal));
        AssertRanOnOtherSilo(caller, key);
    }

    private (SiloHandle Caller, string Key) RemoteKey(string prefix)
    {
        var caller = fixture.Cluster.Primary;
        var key = Enumerable.Range(0, 1000).Select(i => $"{prefix}-{i}").First(k => !caller.SiloAddress.Equals(fixture.OwnerOf(GrainType, k)));
        return (caller, key);
    }

    /// <summary>The exception must have been serialized: the grain ran on the other silo, not the caller's.</summary>
    private void AssertRanOnOtherSilo(SiloHandle caller, string key)
    {
        var grainId = GrainId.Create(GrainType, key);
        var host = fixture.Cluster.Silos.Single(s => s.SiloAddress.Equals(fixture.OwnerOf(GrainType, key)));
        Assert.NotEqual(caller.SiloAddress, host.SiloAddress);
        Assert.True(CatalogOf(host).TryGetActivation(grainId, out _), $"{grainId} is not active on {host.SiloAddress}");
        Assert.False(CatalogOf(caller).TryGetActivation(grainId, out _), $"{grainId} is active on the caller's silo {caller.SiloAddress}");
    }

    private static Runtime.Catalog.Catalog CatalogOf(SiloHandle silo) => silo.ServiceProvider.GetRequiredService<Runtime.Catalog.Catalog>();

    private static string LocalMessage(Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException expected)
        {
            return expected.Message;
        }

        throw new InvalidOperationException("The local validation did not throw.");
    }

    public sealed class Fixture : MultiSiloFixture
    {
        protected override int SiloCount => 2;
    }
}
