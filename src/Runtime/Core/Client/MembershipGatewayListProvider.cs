using System.Net;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// Gateways from the membership table: the silos whose row is Active. A row's gateway is its <c>ProxyPort</c> on the
/// silo's address when set, else the silo endpoint itself (silos serve clients on their silo port).
/// </summary>
internal sealed class MembershipGatewayListProvider(IMembershipTable table) : IGatewayListProvider
{
    public async Task<IReadOnlyList<IPEndPoint>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        var data = await table.ReadAllAsync(cancellationToken);
        return [.. data.Members
            .Select(static row => row.Entry)
            .Where(static entry => entry.Status == SiloStatus.Active)
            .Select(static entry => entry.ProxyPort > 0
                ? new IPEndPoint(entry.SiloAddress.Endpoint.Address, entry.ProxyPort)
                : entry.SiloAddress.Endpoint)
            .Distinct()];
    }

    public override string ToString() => "the membership table's Active silos";
}
