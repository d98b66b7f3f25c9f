using TgeSwarm.Runtime.Dashboard;
using TgeSwarm.Runtime.Dashboard.Metrics;
using TgeSwarm.Silo.Api;
using TgeSwarm.Silo.Configuration;
using TgeSwarm.Silo.Dashboard;
using TgeSwarm.Silo.Health;
using TgeSwarm.Silo.Telemetry;

// One binary, two shapes (the Swarm section decides): the embedded default, one silo with in-process membership and
// memory storage and no outside services; or a cluster member with membership and grain state in PostgreSQL.
var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrlsUnlessConfigured();
builder.UseConfiguredTelemetry();
var swarm = builder.UseConfiguredSwarmSilo();
builder.Services.AddProblemDetails();
builder.Services.AddSwarmHealth(builder.Configuration, swarm);
builder.AddSwarmApi();
builder.Services.AddSwarmViews(swarm);

var app = builder.Build();
app.UseExceptionHandler();
app.UseSwarmApi();
app.MapSwarmHealth();
app.MapSwarmApi();
app.MapSwarmDashboard();
app.MapSwarmMetrics();
app.Run();

/// <summary>The silo host's entry point; public so API tests can start it with WebApplicationFactory.</summary>
public partial class Program;
