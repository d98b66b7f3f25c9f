using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Postgres.Tests.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Hosting;

public sealed class PostgresGrainStorageExtensionsTests
{
    [Fact]
    public async Task The_provider_is_a_keyed_singleton_under_its_name_and_stores_state()
    {
        var builder = new TestSiloBuilder();
        var serviceId = "test-" + Guid.NewGuid().ToString("N");
        builder.AddPostgresGrainStorage("store", PostgresTestEnvironment.ConnectionString, o => o.ServiceId = serviceId);
        await using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        services.GetRequiredService<IStartupValidator>().Validate();

        var storage = services.GetRequiredKeyedService<IGrainStorage>("store");
        var grain = GrainId.Create("counter", "k");
        var written = new GrainState<CounterState>(new CounterState(3, "via DI", []));
        await storage.WriteStateAsync("state", grain, written, CancellationToken.None);
        var read = new GrainState<CounterState>(CounterState.Empty);
        await storage.ReadStateAsync("state", grain, read, CancellationToken.None);
        await storage.ClearStateAsync("state", grain, read, CancellationToken.None);

        Assert.Same(storage, services.GetRequiredKeyedService<IGrainStorage>("store"));
        Assert.Null(services.GetKeyedService<IGrainStorage>("other"));
        Assert.Equal("via DI", read.State.Label);
        Assert.Equal("1", written.ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_connection_string_fails_start_up_naming_the_provider(string connectionString)
    {
        var builder = new TestSiloBuilder();
        builder.AddPostgresGrainStorage("orders", connectionString);
        await using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PostgreSQL grain storage 'orders': ConnectionString is required", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("orders"));
    }

    [Fact]
    public async Task A_malformed_connection_string_and_an_empty_service_id_fail_start_up_together()
    {
        var builder = new TestSiloBuilder();
        builder.AddPostgresGrainStorage("orders", "Hots=nowhere;;=", o => o.ServiceId = "");
        await using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceId must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_its_own_service_id_the_provider_stores_under_the_cluster_service_id()
    {
        var serviceId = "cluster-" + Guid.NewGuid().ToString("N");
        var builder = new TestSiloBuilder();
        builder.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
        builder.AddPostgresGrainStorage("store", PostgresTestEnvironment.ConnectionString);
        await using var services = builder.Services.BuildServiceProvider();
        var grain = GrainId.Create("counter", "k");

        await services.GetRequiredKeyedService<IGrainStorage>("store")
            .WriteStateAsync("state", grain, new GrainState<CounterState>(CounterState.Empty), CancellationToken.None);

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
        await using var command = dataSource.CreateCommand("DELETE FROM grain_storage WHERE service_id = $1 RETURNING grain_key");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = serviceId });
        Assert.Equal("k", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_binary_format_without_the_runtime_serializer_fails_naming_the_provider()
    {
        var builder = new TestSiloBuilder();
        builder.AddPostgresGrainStorage("orders", PostgresTestEnvironment.ConnectionString, o => o.StateFormat = GrainStateFormat.Binary);
        await using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredKeyedService<IGrainStorage>("orders"));

        Assert.Contains("'orders' uses StateFormat Binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_providers_are_configured_independently()
    {
        var builder = new TestSiloBuilder();
        builder.AddPostgresGrainStorage("a", PostgresTestEnvironment.ConnectionString, o => o.ServiceId = "service-a");
        builder.AddPostgresGrainStorage("b", PostgresTestEnvironment.ConnectionString, o => o.ServiceId = "service-b");
        await using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("service-a", options.Get("a").ServiceId);
        Assert.Equal("service-b", options.Get("b").ServiceId);
        Assert.NotSame(services.GetRequiredKeyedService<IGrainStorage>("a"), services.GetRequiredKeyedService<IGrainStorage>("b"));
    }
}
