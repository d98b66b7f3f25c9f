using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Persistence;

public sealed class StorageOutageTests(StorageOutageTests.Fixture fixture) : IClassFixture<StorageOutageTests.Fixture>
{
    [Fact]
    public async Task A_storage_outage_fails_activation_with_a_message_naming_grain_state_and_storage_and_the_next_call_after_it_clears_succeeds()
    {
        var grain = fixture.Client.GetGrain<ICounterGrain>("outage");
        fixture.Storage.Failing = true;

        var error = await Assert.ThrowsAsync<ActivationFailedException>(grain.GetAsync);

        Assert.Contains("counter/outage", error.Message);
        var storageError = Assert.IsType<GrainStorageException>(error.InnerException);
        Assert.Contains("'counter'", storageError.Message);
        Assert.Contains("'store'", storageError.Message);

        fixture.Storage.Failing = false;
        Assert.Equal(1, await grain.IncrementAsync());
    }

    [Fact]
    public async Task A_failing_write_reaches_the_caller_as_GrainStorageException_and_the_grain_keeps_serving()
    {
        var grain = fixture.Client.GetGrain<ICounterGrain>("write-outage");
        await grain.IncrementAsync();
        fixture.Storage.Failing = true;

        await Assert.ThrowsAsync<GrainStorageException>(grain.IncrementAsync);

        fixture.Storage.Failing = false;
        Assert.Equal(3, await grain.IncrementAsync());
    }

    public sealed class Fixture : ClusterFixture
    {
        public FaultyGrainStorage Storage => Cluster.Primary.ServiceProvider.GetRequiredService<FaultyGrainStorage>();

        protected override void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(sp => new FaultyGrainStorage(ActivatorUtilities.CreateInstance<MemoryGrainStorage>(sp)));
            silo.Services.AddKeyedSingleton<IGrainStorage>("store", (sp, _) => sp.GetRequiredService<FaultyGrainStorage>());
        }
    }
}
