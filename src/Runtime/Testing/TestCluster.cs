using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Testing;

/// <summary>
/// Silos in this process, for tests: each a real generic host running the full runtime, with fresh cluster and
/// service ids. <see cref="Client"/> calls into the primary silo.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly Action<ISiloBuilder>[] _siloConfigurations;
    private readonly Action<IHostBuilder>[] _hostConfigurations;
    private readonly List<SiloHandle> _silos = [];

    internal TestCluster(TestClusterOptions options, Action<ISiloBuilder>[] siloConfigurations, Action<IHostBuilder>[] hostConfigurations)
    {
        _options = options;
        _siloConfigurations = siloConfigurations;
        _hostConfigurations = hostConfigurations;
    }

    public TestClusterOptions Options => _options;

    public IReadOnlyList<SiloHandle> Silos => _silos;

    public SiloHandle Primary => _silos.Count > 0 ? _silos[0] : throw new InvalidOperationException("The cluster is not deployed: call DeployAsync first.");

    public IClusterClient Client => Primary.ServiceProvider.GetRequiredService<IClusterClient>();

    public IGrainFactory GrainFactory => Client;

    /// <summary>Starts the silos; throws what a silo's start-up threw.</summary>
    public async Task DeployAsync(CancellationToken cancellationToken = default)
    {
        if (_silos.Count > 0)
        {
            throw new InvalidOperationException("The cluster is already deployed.");
        }

        for (var i = 0; i < _options.InitialSilosCount; i++)
        {
            _silos.Add(await StartSiloAsync(i == 0 ? "Primary" : $"Secondary_{i}", i, cancellationToken));
        }
    }

    /// <summary>Stops a silo gracefully: its activations deactivate and run <c>OnDeactivateAsync</c>.</summary>
    public async Task StopSiloAsync(SiloHandle silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.IsActive)
        {
            return;
        }

        silo.IsActive = false;
        await silo.Host.StopAsync(cancellationToken);
        silo.Host.Dispose();
    }

    /// <summary>
    /// Stops a silo the way a crash does: no graceful deactivation (the stop is cancelled before it starts), so
    /// nothing is handed over and <c>OnDeactivateAsync</c> does not run.
    /// </summary>
    public async Task KillSiloAsync(SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.IsActive)
        {
            return;
        }

        silo.IsActive = false;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        try
        {
            await silo.Host.StopAsync(cancelled.Token);
        }
        catch (OperationCanceledException)
        {
            // Expected: the whole point of a kill is that the graceful stop does not get to run.
        }

        silo.Host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.AsEnumerable().Reverse())
        {
            await StopSiloAsync(silo);
        }

        _silos.Clear();
    }

    private async Task<SiloHandle> StartSiloAsync(string name, int index, CancellationToken cancellationToken)
    {
        var hostBuilder = new HostBuilder()
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(_options.LogLevel))
            .UseSwarmSilo(silo =>
            {
                silo.UseLocalhostClustering(siloPort: 21111 + index);
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = _options.ClusterId;
                    o.ServiceId = _options.ServiceId;
                });
                silo.Configure<SiloOptions>(o => o.SiloName = name);
                foreach (var configure in _siloConfigurations)
                {
                    configure(silo);
                }
            });
        foreach (var configure in _hostConfigurations)
        {
            configure(hostBuilder);
        }

        var host = hostBuilder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var address = host.Services.GetRequiredService<LocalSiloDetails>().SiloAddress;
        return new SiloHandle(name, host, address);
    }
}
