using Microsoft.Extensions.Hosting;

namespace TgeSwarm.Runtime.Client;

/// <summary>Connects the client when the host starts (failing the start when no gateway can be reached) and disconnects it when the host stops.</summary>
internal sealed class ClusterClientHost(ClientRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync();
}
