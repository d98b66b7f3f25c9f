using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Postgres.Membership;
using TgeSwarm.Runtime.Postgres.Tests.Hosting;

namespace TgeSwarm.Runtime.Postgres.Tests.Membership;

public sealed class PostgresClusteringExtensionsTests
{
    [Fact]
    public async Task A_silo_gets_one_table_behind_both_contracts_for_its_cluster_id_replacing_an_earlier_one()
    {
        var clusterId = "test-" + Guid.NewGuid().ToString("N");
        var builder = new TestSiloBuilder();
        builder.Services.Configure<ClusterOptions>(o => o.ClusterId = clusterId);
        builder.Services.AddSingleton<IMembershipTable, EarlierTable>();
        builder.UsePostgresClustering(PostgresTestEnvironment.ConnectionString);
        await using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        services.GetRequiredService<IStartupValidator>().Validate();

        var table = services.GetRequiredService<IMembershipTable>();
        await table.InitializeAsync(CancellationToken.None);
        var inserted = await table.InsertRowAsync(
            new MembershipEntry { SiloAddress = SiloAddress.Parse("S127.0.0.1:11111:1"), Status = SiloStatus.Active },
            new TableVersion(1, "0"),
            CancellationToken.None);

        Assert.True(inserted);
        Assert.Equal(clusterId, Assert.IsType<PostgresMembershipTable>(table).ClusterId);
        Assert.Same(table, Assert.Single(services.GetServices<IMembershipTable>()));
        Assert.Same(table, services.GetRequiredService<IMembershipTableChangeFeed>());
        await using var dataSource = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
        await using var cleanup = dataSource.CreateCommand(
            "WITH m AS (DELETE FROM swarm_membership WHERE cluster_id = $1 RETURNING 1) DELETE FROM swarm_membership_version WHERE cluster_id = $1 RETURNING version");
        cleanup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
        Assert.Equal(1, await cleanup.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_client_gets_the_same_table_and_the_options_it_configured()
    {
        var builder = new TestClientBuilder();
        builder.UsePostgresClustering(PostgresTestEnvironment.ConnectionString, o => o.ListenReconnectMaxDelay = TimeSpan.FromMinutes(2));
        await using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        services.GetRequiredService<IStartupValidator>().Validate();

        var table = Assert.IsType<PostgresMembershipTable>(services.GetRequiredService<IMembershipTable>());

        Assert.Same(table, services.GetRequiredService<IMembershipTableChangeFeed>());
        Assert.Equal(ClusterOptions.DefaultClusterId, table.ClusterId);
        Assert.Equal(TimeSpan.FromMinutes(2), services.GetRequiredService<IOptions<PostgresClusteringOptions>>().Value.ListenReconnectMaxDelay);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_connection_string_fails_start_up(string connectionString)
    {
        var builder = new TestSiloBuilder();
        builder.UsePostgresClustering(connectionString);
        await using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PostgreSQL clustering: ConnectionString is required", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMembershipTable>());
    }

    [Fact]
    public async Task A_malformed_connection_string_and_bad_delays_fail_start_up_together()
    {
        var builder = new TestSiloBuilder();
        builder.UsePostgresClustering("Hots=nowhere;;=", o =>
        {
            o.ListenReconnectDelay = TimeSpan.Zero;
            o.ListenReconnectMaxDelay = TimeSpan.FromSeconds(-1);
            o.ListenHealthCheckInterval = TimeSpan.Zero;
        });
        await using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListenReconnectDelay must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListenReconnectMaxDelay", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListenHealthCheckInterval must be between", error.Message, StringComparison.Ordinal);
    }

    private sealed class EarlierTable : IMembershipTable
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
