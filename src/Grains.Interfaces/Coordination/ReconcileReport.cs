using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>What one reconciliation pass did.</summary>
/// <param name="Checked">Agents whose status was read.</param>
/// <param name="Started">Agents started (or restarted by the health monitor).</param>
/// <param name="Stopped">Agents stopped (desired stopped, paused or halted).</param>
/// <param name="Alerts">Alerts raised (an agent entering cooldown or given up on).</param>
[GenerateSerializer]
[Immutable]
public sealed record ReconcileReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Checked,
    [property: Id(2)] int Started,
    [property: Id(3)] int Stopped,
    [property: Id(4)] int Alerts);
