using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TgeSwarm.Runtime.Testing;

/// <summary>An external client of a <see cref="TestCluster"/>: its own generic host, connected through gateways.</summary>
public sealed class ExternalClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    internal ExternalClusterClient(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public IServiceProvider ServiceProvider => _host.Services;

    /// <summary>Stops the client: its gateway connections close and calls still waiting fail.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
