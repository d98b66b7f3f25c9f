using System.Globalization;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Dashboard.Panels;

namespace TgeSwarm.Silo.Dashboard;

/// <summary>
/// Every agent the queen knows, with its desired and actual state, and Stop / Restart buttons that post to the
/// queen's REST API (<see cref="SwarmViewRoutes"/>) as the operator role.
/// </summary>
internal sealed class AgentsView(IClusterClient client)
{
    public async ValueTask<DashboardPanelData> LoadAsync(CancellationToken cancellationToken)
    {
        var agents = await client.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey).ListAgentsAsync(null, cancellationToken);
        var rows = agents.Select(static a => new DashboardRow(
            [
                a.Type,
                a.Key,
                a.Pipeline,
                a.DesiredState.ToString(),
                a.Alerting ? $"{a.ActualState} (alerting)" : a.ActualState.ToString(),
                a.Detail ?? "–",
                a.Silo ?? "–",
                a.LastStatusAt?.ToString("u", CultureInfo.InvariantCulture) ?? "–",
                a.RestartAttempts.ToString(CultureInfo.InvariantCulture),
                a.LastError ?? string.Empty,
            ],
            [
                new DashboardRowAction("Stop", SwarmViewRoutes.StopAgent(a.Type, a.Key), SwarmViewRoutes.OperatorPolicy),
                new DashboardRowAction("Restart", SwarmViewRoutes.RestartAgent(a.Type, a.Key), SwarmViewRoutes.OperatorPolicy),
            ])).ToList();

        return new DashboardPanelData(
            new DashboardTable(["Type", "Key", "Pipeline", "Desired", "Actual", "Detail", "Silo", "Last status", "Restarts", "Last error"], rows),
            Note: rows.Count == 0 ? "No agents registered with the queen." : null);
    }
}
