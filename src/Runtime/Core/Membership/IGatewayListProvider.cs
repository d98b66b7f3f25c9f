using System.Net;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// Where an external client finds gateways: the silo endpoints it may connect to. Read at start, every
/// <c>GatewayOptions.GatewayListRefreshPeriod</c> and whenever a gateway connection fails. Built in: a static list
/// (<c>UseStaticClustering</c>, <c>UseLocalhostClustering</c>) and the Active rows of the membership table.
/// </summary>
public interface IGatewayListProvider
{
    Task<IReadOnlyList<IPEndPoint>> GetGatewaysAsync(CancellationToken cancellationToken);
}
