namespace TgeSwarm.Silo.Security;

/// <summary>What an API key may do; each role includes the ones below it (viewer &lt; operator &lt; admin).</summary>
internal enum ApiRole
{
    /// <summary>Reads: cluster, market, TGE events, agents, memory.</summary>
    Viewer = 1,

    /// <summary>Reads and the queen's commands: spawn, stop, restart, scale, pause, resume, halt, memory writes.</summary>
    Operator = 2,

    /// <summary>Everything, including API keys and the audit log.</summary>
    Admin = 3,
}
