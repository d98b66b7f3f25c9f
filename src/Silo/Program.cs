using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Silo.Health;

// The embedded default: one silo, in-process membership and memory storage, no outside services.
var builder = WebApplication.CreateBuilder(args);
builder.UseSwarmSilo(silo =>
{
    silo.UseLocalhostClustering();
    silo.AddMemoryGrainStorage();
});
builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: [HealthEndpoints.ReadyTag]);

var app = builder.Build();
app.MapSwarmHealth();
app.Run();

/// <summary>The silo host's entry point; public so API tests can start it with WebApplicationFactory.</summary>
public partial class Program;
