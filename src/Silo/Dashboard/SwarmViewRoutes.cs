using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Dashboard;

/// <summary>Where the swarm views' buttons post, and the role they need: the queen API's routes and policy names.</summary>
internal static class SwarmViewRoutes
{
    /// <summary>The API's operator policy (operator or admin).</summary>
    public const string OperatorPolicy = ApiPolicies.Operator;

    public static string StopAgent(string type, string key) => AgentCommand(type, key, "stop");

    public static string RestartAgent(string type, string key) => AgentCommand(type, key, "restart");

    /// <summary>Keys such as <c>binance#0</c> hold characters a path segment must escape.</summary>
    private static string AgentCommand(string type, string key, string command) =>
        $"/api/agents/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(key)}/{command}";
}
