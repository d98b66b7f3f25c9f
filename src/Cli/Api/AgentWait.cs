using System.CommandLine;
using System.Globalization;
using TgeSwarm.Client.Api;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Cli.Api;

/// <summary>
/// <c>--wait</c> of the agent commands: a command returns once the queen registered it, but starting a shard (connect,
/// subscribe, snapshot) takes a while. Waiting polls the agent until its actual state is its desired one, printing a
/// line whenever its state or its own word on it changes, and gives up after the bound (exit code 3) with what it
/// last saw, so a script knows the agent did not get there and a person sees where it stuck. The state is the queen's
/// view, which its reconciliation pass refreshes (every 10 s by default), so a wait lasts at least until that pass.
/// </summary>
internal static class AgentWait
{
    public const int NotConvergedExitCode = 3;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Option<TimeSpan?> CreateOption() => new("--wait")
    {
        Description = "Then wait up to this long (e.g. 00:01:00) for the agent to reach its desired state, printing its progress; exit code 3 if it has not by then.",
    };

    /// <summary>Polls until <paramref name="agent"/> is where it should be or <paramref name="bound"/> passed; returns whether it got there and what was read last.</summary>
    public static async Task<(bool Converged, AgentInfo Agent)> UntilConvergedAsync(
        SwarmApiClient client, AgentInfo agent, TimeSpan bound, TimeProvider time, TextWriter progress, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        string? shown = null;
        while (true)
        {
            var elapsed = time.GetElapsedTime(start);
            if (agent.ActualState == agent.DesiredState)
            {
                await progress.WriteLineAsync($"{agent.Type} {agent.Key} is {agent.ActualState} after {Seconds(elapsed)}");
                return (true, agent);
            }

            var state = Describe(agent);
            if (state != shown)
            {
                await progress.WriteLineAsync($"  {Seconds(elapsed),7}  {state}");
                shown = state;
            }

            if (elapsed >= bound)
            {
                await progress.WriteLineAsync($"{agent.Type} {agent.Key} is not {agent.DesiredState} after {Seconds(bound)}: still {state}");
                return (false, agent);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
            agent = await client.GetAgentAsync(agent.Type, agent.Key, cancellationToken);
        }
    }

    private static string Describe(AgentInfo agent) =>
        (agent.Detail, agent.LastError) switch
        {
            (_, { Length: > 0 } error) => $"{agent.ActualState} ({error})",
            ({ Length: > 0 } detail, _) => $"{agent.ActualState} ({detail})",
            _ => agent.ActualState.ToString(),
        };

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
