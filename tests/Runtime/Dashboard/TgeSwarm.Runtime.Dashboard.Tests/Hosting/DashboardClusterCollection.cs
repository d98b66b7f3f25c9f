namespace TgeSwarm.Runtime.Dashboard.Tests.Hosting;

[CollectionDefinition(DashboardClusterFixture.Collection)]
public sealed class DashboardClusterCollection : ICollectionFixture<DashboardClusterFixture>;
