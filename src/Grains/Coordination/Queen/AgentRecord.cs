using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// One agent's registration (type, key, configuration, the commanded state) and what the queen last observed of it
/// (actual state, silo, health monitor's attempts). Persisted in <see cref="QueenState"/>.
/// </summary>
[GenerateSerializer]
internal sealed class AgentRecord
{
    [Id(0)]
    public string Type { get; set; } = "";

    [Id(1)]
    public string Key { get; set; } = "";

    [Id(2)]
    public string? Group { get; set; }

    [Id(3)]
    public string Pipeline { get; set; } = "";

    [Id(4)]
    public string Configuration { get; set; } = "";

    /// <summary>Running or Stopped, as last commanded; pause and halt are applied on top (see <see cref="QueenGrain"/>).</summary>
    [Id(5)]
    public AgentState Desired { get; set; } = AgentState.Running;

    [Id(6)]
    public AgentState Actual { get; set; } = AgentState.Pending;

    [Id(7)]
    public string? Detail { get; set; }

    [Id(8)]
    public string? Silo { get; set; }

    [Id(9)]
    public DateTimeOffset? LastStatusAt { get; set; }

    [Id(10)]
    public int RestartAttempts { get; set; }

    [Id(11)]
    public DateTimeOffset? CooldownUntil { get; set; }

    [Id(12)]
    public bool Alerting { get; set; }

    [Id(13)]
    public string? LastError { get; set; }

    [Id(14)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(15)]
    public DateTimeOffset UpdatedAt { get; set; }

    public string Id => IdOf(Type, Key);

    public static string IdOf(string type, string key) => $"{type}/{key}";

    /// <summary>Forgets what the health monitor did: after a command starts the agent afresh, or once it runs again.</summary>
    public void ResetHealth()
    {
        RestartAttempts = 0;
        CooldownUntil = null;
        Alerting = false;
    }
}
