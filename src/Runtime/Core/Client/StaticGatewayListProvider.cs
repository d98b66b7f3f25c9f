using System.Net;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Client;

/// <summary>A fixed list of gateways (<c>UseStaticClustering</c>, <c>UseLocalhostClustering</c>).</summary>
internal sealed class StaticGatewayListProvider(IReadOnlyList<IPEndPoint> gateways) : IGatewayListProvider
{
    public Task<IReadOnlyList<IPEndPoint>> GetGatewaysAsync(CancellationToken cancellationToken) => Task.FromResult(gateways);

    public override string ToString() => $"static list [{string.Join(", ", gateways)}]";
}
