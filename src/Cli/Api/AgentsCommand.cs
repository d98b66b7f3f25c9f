using System.CommandLine;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Cli.Api;

/// <summary><c>tgeswarm agents list|get|spawn|stop|restart|scale</c>: the queen's agent registry and commands.</summary>
internal static class AgentsCommand
{
    public static Command Create(ApiConnector connector)
    {
        var command = new Command("agents", "List the swarm's agents and drive them through the queen (operator role for commands).");
        command.Subcommands.Add(List(connector));
        command.Subcommands.Add(Get(connector));
        command.Subcommands.Add(Spawn(connector));
        command.Subcommands.Add(Lifecycle(connector, "stop", "Stop an agent and keep it stopped.", static (api, type, key, reason, ct) => api.StopAgentAsync(type, key, reason, ct)));
        command.Subcommands.Add(Lifecycle(connector, "restart", "Restart an agent now (its restart budget starts afresh).", static (api, type, key, reason, ct) => api.RestartAgentAsync(type, key, reason, ct)));
        command.Subcommands.Add(Scale(connector));
        return command;
    }

    private static Command List(ApiConnector connector)
    {
        var api = new ApiOptions(connector);
        var type = new Option<string?>("--type") { Description = "Only agents of this type (e.g. ingestion, source)." };
        var command = new Command("list", "List agents with their desired and actual state.") { type };
        api.AddTo(command);
        command.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, token) =>
        {
            var agents = await client.ListAgentsAsync(result.GetValue(type), token);
            if (json)
            {
                TextTable.WriteJson(output, agents);
                return;
            }

            var table = new TextTable("TYPE", "KEY", "DESIRED", "ACTUAL", "SILO", "RESTARTS", "DETAIL");
            foreach (var agent in agents)
            {
                table.Add(agent.Type, agent.Key, agent.DesiredState, agent.ActualState, agent.Silo, agent.RestartAttempts, agent.LastError ?? agent.Detail);
            }

            table.WriteTo(output);
            output.WriteLine($"{agents.Count} agents");
        }, ct));
        return command;
    }

    private static Command Get(ApiConnector connector)
    {
        var api = new ApiOptions(connector);
        var type = new Argument<string>("type") { Description = "Agent type." };
        var key = new Argument<string>("key") { Description = "Agent key (e.g. binance#0)." };
        var command = new Command("get", "Show one agent.") { type, key };
        api.AddTo(command);
        command.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, token) =>
        {
            var agent = await client.GetAgentAsync(result.GetRequiredValue(type), result.GetRequiredValue(key), token);
            if (json)
            {
                TextTable.WriteJson(output, agent);
                return;
            }

            Print(output, agent);
        }, ct));
        return command;
    }

    private static Command Spawn(ApiConnector connector)
    {
        var api = new ApiOptions(connector);
        var type = new Argument<string>("type") { Description = "Agent type (tgeswarm agents list shows the registered ones)." };
        var key = new Argument<string>("key") { Description = "Agent key (e.g. binance#0)." };
        var config = new Option<string>("--config")
        {
            Description = "The agent's configuration as JSON, or @FILE to read it from a file.",
            Required = true,
        };
        var reason = new Option<string?>("--reason") { Description = "Why, for the queen's action log." };
        var wait = AgentWait.CreateOption();
        var command = new Command("spawn", "Register an agent and start it.") { type, key, config, reason, wait };
        api.AddTo(command);
        command.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, token) =>
        {
            var configuration = await ReadConfigurationAsync(result.GetRequiredValue(config), token);
            var agent = await client.SpawnAgentAsync(result.GetRequiredValue(type), result.GetRequiredValue(key), configuration, result.GetValue(reason), token);
            return await ReportAsync(client, output, agent, json, "spawned", result.GetValue(wait), connector.Time, token);
        }, ct));
        return command;
    }

    private static Command Lifecycle(ApiConnector connector, string name, string description, Func<Client.Api.SwarmApiClient, string, string, string?, CancellationToken, Task<AgentInfo>> act)
    {
        var api = new ApiOptions(connector);
        var type = new Argument<string>("type") { Description = "Agent type." };
        var key = new Argument<string>("key") { Description = "Agent key." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the queen's action log." };
        var wait = AgentWait.CreateOption();
        var command = new Command(name, description) { type, key, reason, wait };
        api.AddTo(command);
        command.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, token) =>
        {
            var agent = await act(client, result.GetRequiredValue(type), result.GetRequiredValue(key), result.GetValue(reason), token);
            return await ReportAsync(client, output, agent, json, name == "stop" ? "stopped" : "restarted", result.GetValue(wait), connector.Time, token);
        }, ct));
        return command;
    }

    private static Command Scale(ApiConnector connector)
    {
        var api = new ApiOptions(connector);
        var type = new Argument<string>("type") { Description = "A sharded agent type (e.g. ingestion)." };
        var group = new Argument<string>("group") { Description = "The shard group (for ingestion: the venue, e.g. binance)." };
        var shards = new Option<int>("--shards") { Description = "How many shards the group should have (1 or more).", Required = true };
        var config = new Option<string?>("--config") { Description = "The group's shard template as JSON or @FILE (needed the first time)." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the queen's action log." };
        var command = new Command("scale", "Scale a shard group; its task items are redistributed by rendezvous hashing.") { type, group, shards, config, reason };
        api.AddTo(command);
        command.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, token) =>
        {
            var template = result.GetValue(config) is { } value ? await ReadConfigurationAsync(value, token) : null;
            var scaled = await client.ScaleAgentsAsync(result.GetRequiredValue(type), result.GetRequiredValue(group), result.GetRequiredValue(shards), template, result.GetValue(reason), token);
            if (json)
            {
                TextTable.WriteJson(output, scaled);
                return;
            }

            output.WriteLine($"{scaled.Moved} task items moved; started {Names(scaled.Started)}; stopped {Names(scaled.Stopped)}");
        }, ct));
        return command;
    }

    private static async Task<string> ReadConfigurationAsync(string value, CancellationToken cancellationToken) =>
        value.StartsWith('@') ? await File.ReadAllTextAsync(value[1..], cancellationToken) : value;

    private static string Names(IReadOnlyList<string> keys) => keys.Count == 0 ? "none" : string.Join(", ", keys);

    /// <summary>Reports the command's answer; with <c>--wait</c>, then its progress (in JSON: only the agent as last read).</summary>
    private static async Task<int> ReportAsync(
        Client.Api.SwarmApiClient client, TextWriter output, AgentInfo agent, bool json, string verb, TimeSpan? wait, TimeProvider time, CancellationToken cancellationToken)
    {
        if (wait is not { } bound)
        {
            Report(output, agent, json, verb);
            return 0;
        }

        if (!json)
        {
            Report(output, agent, json, verb);
        }

        var (converged, last) = await AgentWait.UntilConvergedAsync(client, agent, bound, time, json ? TextWriter.Null : output, cancellationToken);
        if (json)
        {
            TextTable.WriteJson(output, last);
        }

        return converged ? 0 : AgentWait.NotConvergedExitCode;
    }

    private static void Report(TextWriter output, AgentInfo agent, bool json, string verb)
    {
        if (json)
        {
            TextTable.WriteJson(output, agent);
            return;
        }

        output.WriteLine($"{agent.Type} {agent.Key} {verb}: desired {agent.DesiredState}, actual {agent.ActualState}");
    }

    private static void Print(TextWriter output, AgentInfo agent)
    {
        var table = new TextTable("FIELD", "VALUE")
            .Add("type", agent.Type)
            .Add("key", agent.Key)
            .Add("group", agent.Group)
            .Add("pipeline", agent.Pipeline)
            .Add("desired", agent.DesiredState)
            .Add("actual", agent.ActualState)
            .Add("silo", agent.Silo)
            .Add("last status", agent.LastStatusAt)
            .Add("restarts", agent.RestartAttempts)
            .Add("cooldown until", agent.CooldownUntil)
            .Add("alerting", agent.Alerting)
            .Add("last error", agent.LastError)
            .Add("detail", agent.Detail)
            .Add("configuration", agent.Configuration);
        table.WriteTo(output);
    }
}
