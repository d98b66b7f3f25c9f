using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Persistence;

/// <summary>The persistence semantics, run against each storage provider by the subclasses below.</summary>
public abstract class PersistenceTests<TFixture>(TFixture fixture)
    where TFixture : ClusterFixture
{
    protected IClusterClient Client => fixture.Client;

    private IGrainStorage Storage => fixture.Cluster.Primary.ServiceProvider.GetRequiredKeyedService<IGrainStorage>("store");

    [Fact]
    public async Task State_survives_deactivation_and_is_read_back_by_the_next_activation()
    {
        var grain = Client.GetGrain<ICounterGrain>(Unique());
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        await grain.DeactivateAsync();

        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(3, await grain.IncrementAsync());
    }

    [Fact]
    public async Task A_write_behind_the_grains_back_makes_its_next_write_fail_with_InconsistentStateException_and_the_grain_reloads()
    {
        var key = Unique();
        var grain = Client.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();

        var sneaky = new GrainState<CounterState>(new CounterState());
        var grainId = GrainId.Create("counter", key);
        await Storage.ReadStateAsync("counter", grainId, sneaky, CancellationToken.None);
        sneaky.State.Value = 100;
        await Storage.WriteStateAsync("counter", grainId, sneaky, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(grain.IncrementAsync);
        Assert.Equal(101, await grain.IncrementAsync());
    }

    [Fact]
    public async Task Concurrent_writers_with_one_ETag_have_exactly_one_winner()
    {
        var grainId = GrainId.Create("counter", Unique());
        var seed = new GrainState<CounterState>(new CounterState());
        await Storage.WriteStateAsync("counter", grainId, seed, CancellationToken.None);

        var writers = Enumerable.Range(0, 8).Select(async i =>
        {
            var state = new GrainState<CounterState>(new CounterState { Value = i }) { ETag = seed.ETag, RecordExists = true };
            try
            {
                await Storage.WriteStateAsync("counter", grainId, state, CancellationToken.None);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        });

        Assert.Single(await Task.WhenAll(writers), won => won);
    }

    [Fact]
    public async Task Clearing_state_removes_the_record_and_resets_the_state()
    {
        var grain = Client.GetGrain<ICounterGrain>(Unique());
        await grain.IncrementAsync();

        await grain.ClearAsync();
        await grain.DeactivateAsync();

        Assert.Equal(0, await grain.GetAsync());
        Assert.Equal("(none)", await grain.GetETagAsync());
    }

    private static string Unique() => Guid.NewGuid().ToString("N");
}

public sealed class MemoryPersistenceTests(ClusterFixture fixture) : PersistenceTests<ClusterFixture>(fixture), IClassFixture<ClusterFixture>;

public sealed class PostgresPersistenceTests(PostgresClusterFixture fixture) : PersistenceTests<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>;
