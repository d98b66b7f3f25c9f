using System.Diagnostics.Metrics;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination;

/// <summary>
/// The queen's metrics on the <c>TgeSwarm.Coordination</c> meter, so monitoring can page on what the health monitor
/// gave up on instead of someone reading the action log: every action the queen recorded, by action and outcome; and,
/// from the silo the queen is active on, the registered agents by actual state, how many are not where they should be,
/// how many it only alerts on, and whether the swarm is halted. Only that silo reports the gauges (a queen that
/// deactivates takes them with it), so a sum over silos is the cluster's value.
/// </summary>
internal sealed class CoordinationInstruments
{
    public const string MeterName = "TgeSwarm.Coordination";

    private readonly Counter<long> _actions;
    private volatile SwarmHealth? _health;

    public CoordinationInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _actions = meter.CreateCounter<long>("swarm.queen.actions", unit: "{action}", description: "Actions the queen recorded (commands, and its own starts, stops, restarts and alerts), by action and outcome.");
        meter.CreateObservableGauge("swarm.queen.agents", ObserveAgents, unit: "{agent}", description: "Registered agents by actual state, as the queen on this silo last saw them.");
        meter.CreateObservableGauge("swarm.queen.unconverged", () => Observe(static h => h.Unconverged.Count), unit: "{agent}", description: "Agents whose actual state is not their desired state.");
        meter.CreateObservableGauge("swarm.queen.alerting", () => Observe(static h => h.Alerting.Count), unit: "{agent}", description: "Agents the health monitor gave up on: restarts and cooldown spent, alerts only.");
        meter.CreateObservableGauge("swarm.queen.halted", () => Observe(static h => h.Halt is null ? 0 : 1), description: "1 while the kill switch is on.");
    }

    public void Acted(string action, bool succeeded) =>
        _actions.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    /// <summary>The queen active here saw the swarm as <paramref name="health"/>.</summary>
    public void Observed(SwarmHealth health) => _health = health;

    /// <summary>The queen is no longer active here: another silo reports from now on.</summary>
    public void Left() => _health = null;

    private IEnumerable<Measurement<int>> ObserveAgents() =>
        _health is { } health
            ? health.ByState.Select(static s => new Measurement<int>(s.Count, new KeyValuePair<string, object?>("state", s.State.ToString().ToLowerInvariant())))
            : [];

    private IEnumerable<Measurement<int>> Observe(Func<SwarmHealth, int> value) =>
        _health is { } health ? [new Measurement<int>(value(health))] : [];
}
