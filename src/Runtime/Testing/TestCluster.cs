using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Testing;

/// <summary>
/// Several silos in this process, for tests: each a real generic host running the full runtime, listening on its
/// own OS-assigned loopback port and talking to the others over TCP, with fresh cluster and service ids and one
/// shared in-memory membership table (unless a silo configurator installs another, e.g. PostgreSQL). The real
/// membership agent runs, with fast settings (<see cref="ClusterMembershipOptions.ApplyTestDefaults"/>) unless
/// <see cref="TestClusterOptions.UseTestMembershipDefaults"/> is off. <see cref="Client"/> calls into the primary silo.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private static readonly TimeSpan StabilizeTimeout = TimeSpan.FromSeconds(30);

    private readonly TestClusterOptions _options;
    private readonly Action<ISiloBuilder>[] _siloConfigurations;
    private readonly Action<IHostBuilder>[] _hostConfigurations;
    private readonly List<SiloHandle> _silos = [];
    private readonly InMemoryMembershipTable _membershipTable = new();
    private int _nextIndex;

    internal TestCluster(TestClusterOptions options, Action<ISiloBuilder>[] siloConfigurations, Action<IHostBuilder>[] hostConfigurations)
    {
        _options = options;
        _siloConfigurations = siloConfigurations;
        _hostConfigurations = hostConfigurations;
    }

    public TestClusterOptions Options => _options;

    internal InMemoryMembershipTable MembershipTable => _membershipTable;

    /// <summary>Every silo started so far, running or not (see <see cref="SiloHandle.IsActive"/>).</summary>
    public IReadOnlyList<SiloHandle> Silos => _silos;

    public IEnumerable<SiloHandle> ActiveSilos => _silos.Where(static s => s.IsActive);

    public SiloHandle Primary => _silos.Count > 0 ? _silos[0] : throw new InvalidOperationException("The cluster is not deployed: call DeployAsync first.");

    /// <summary>A client whose calls enter the cluster at the primary silo (or the first silo still running).</summary>
    public IClusterClient Client => (ActiveSilos.FirstOrDefault() ?? Primary).ServiceProvider.GetRequiredService<IClusterClient>();

    public IGrainFactory GrainFactory => Client;

    /// <summary>Starts the silos and waits until each sees all of them active; throws what a silo's start-up threw.</summary>
    public async Task DeployAsync(CancellationToken cancellationToken = default)
    {
        if (_silos.Count > 0)
        {
            throw new InvalidOperationException("The cluster is already deployed.");
        }

        for (var i = 0; i < _options.InitialSilosCount; i++)
        {
            await StartAdditionalSiloAsync(cancellationToken);
        }

        await WaitForLivenessToStabilizeAsync(cancellationToken);
    }

    /// <summary>Starts one more silo and waits until every running silo counts it as active.</summary>
    public async Task<SiloHandle> StartAdditionalSiloAsync(CancellationToken cancellationToken = default)
    {
        var index = _nextIndex++;
        var silo = await StartSiloAsync(index == 0 ? "Primary" : $"Secondary_{index}", cancellationToken);
        _silos.Add(silo);
        await WaitForLivenessToStabilizeAsync(cancellationToken);
        return silo;
    }

    /// <summary>Stops a silo gracefully: its activations deactivate, run <c>OnDeactivateAsync</c> and hand queued calls over.</summary>
    public async Task StopSiloAsync(SiloHandle silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.IsActive)
        {
            return;
        }

        silo.IsActive = false;
        await silo.Host.StopAsync(cancellationToken);
        await DisposeHostAsync(silo.Host);
    }

    /// <summary>
    /// Ends a silo the way a crash does: its connections drop at once, it writes nothing more to the membership
    /// table, hands nothing over and runs no <c>OnDeactivateAsync</c>. The other silos find out by probing it.
    /// </summary>
    public async Task KillSiloAsync(SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.IsActive)
        {
            return;
        }

        silo.IsActive = false;
        await silo.ServiceProvider.GetRequiredService<SiloKiller>().KillAsync();
        await silo.Host.StopAsync(CancellationToken.None);
        await DisposeHostAsync(silo.Host);
    }

    /// <summary>Starts a stopped (or killed) secondary silo again under its name: a new generation on a new port.</summary>
    public async Task<SiloHandle> RestartStoppedSecondarySiloAsync(string name, CancellationToken cancellationToken = default)
    {
        var index = _silos.FindIndex(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"No silo named '{name}' in this cluster.", nameof(name));
        }

        if (index == 0 || _silos[index].IsActive)
        {
            throw new InvalidOperationException($"Silo '{name}' is the primary or still running; only a stopped secondary can be restarted.");
        }

        var restarted = await StartSiloAsync(name, cancellationToken);
        _silos[index] = restarted;
        await WaitForLivenessToStabilizeAsync(cancellationToken);
        return restarted;
    }

    /// <summary>
    /// Waits until every running silo's membership view lists exactly the running silos as active (dead ones
    /// declared dead), bounded by 30 s.
    /// </summary>
    public async Task WaitForLivenessToStabilizeAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StabilizeTimeout);
        var expected = ActiveSilos.Select(static s => s.SiloAddress).Order().ToArray();
        while (!IsStable(expected))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The cluster did not stabilize within {StabilizeTimeout}: expected active silos {string.Join(", ", expected.AsEnumerable())}; views: {DescribeViews()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.AsEnumerable().Reverse())
        {
            await StopSiloAsync(silo);
        }

        _silos.Clear();
    }

    /// <summary>
    /// Every running silo sees exactly <paramref name="expected"/> active, has applied that view (directory
    /// re-registrations included) and places grains on a ring of exactly those silos.
    /// </summary>
    private bool IsStable(SiloAddress[] expected) => ActiveSilos.All(s =>
    {
        var snapshot = s.ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
        return snapshot.ActiveSilos.SequenceEqual(expected)
            && s.ServiceProvider.GetRequiredService<Directory.ClusterViewHandler>().AppliedVersion >= snapshot.Version
            && s.ServiceProvider.GetRequiredService<Directory.GrainDirectory>().Ring.Silos.SequenceEqual(expected);
    });

    private string DescribeViews() => string.Join("; ", ActiveSilos.Select(s =>
        $"{s.Name} sees [{string.Join(", ", s.ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.ActiveSilos)}]"
        + $" on a ring of [{string.Join(", ", s.ServiceProvider.GetRequiredService<Directory.GrainDirectory>().Ring.Silos)}]"));

    private async Task<SiloHandle> StartSiloAsync(string name, CancellationToken cancellationToken)
    {
        var table = _membershipTable;
        var hostBuilder = new HostBuilder()
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(_options.LogLevel))
            .UseSwarmSilo(silo =>
            {
                silo.UseLocalhostClustering(siloPort: 0);
                silo.Services.Replace(ServiceDescriptor.Singleton(table));
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = _options.ClusterId;
                    o.ServiceId = _options.ServiceId;
                });
                silo.Configure<SiloOptions>(o => o.SiloName = name);
                if (_options.UseTestMembershipDefaults)
                {
                    silo.Configure<ClusterMembershipOptions>(ClusterMembershipOptions.ApplyTestDefaults);
                }

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
            await DisposeHostAsync(host);
            throw;
        }

        var address = host.Services.GetRequiredService<LocalSiloDetails>().SiloAddress;
        return new SiloHandle(name, host, address);
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
