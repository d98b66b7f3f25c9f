using System.CommandLine;

namespace TgeSwarm.Cli.Api;

/// <summary><c>tgeswarm cluster status</c>: silos, grain types with activations per silo, and the swarm's health.</summary>
internal static class ClusterCommand
{
    public static Command Create(ApiConnector connector)
    {
        var command = new Command("cluster", "Look at the cluster.");
        var api = new ApiOptions(connector);
        var all = new Option<bool>("--all") { Description = "Also list silos that are no longer active." };
        var status = new Command("status", "Show the silos, grain types and the swarm's health.") { all };
        api.AddTo(status);
        status.SetAction((result, ct) => api.RunAsync(result, async (client, json, output, token) =>
        {
            var silos = await client.GetSilosAsync(result.GetValue(all), token);
            var grains = await client.GetGrainTypesAsync(token);
            var health = await client.GetSwarmHealthAsync(token);
            if (json)
            {
                TextTable.WriteJson(output, new { silos, grains, health });
                return;
            }

            var silosTable = new TextTable("SILO", "NAME", "STATUS", "STARTED");
            foreach (var silo in silos)
            {
                silosTable.Add(silo.SiloAddress, silo.Name, silo.Status, silo.StartedAt);
            }

            silosTable.WriteTo(output);
            output.WriteLine();
            var grainsTable = new TextTable("GRAIN TYPE", "ACTIVATIONS", "PER SILO");
            foreach (var type in grains.OrderByDescending(static g => g.Total))
            {
                grainsTable.Add(type.GrainType, type.Total, string.Join(", ", type.Silos.Select(static s => $"{s.SiloAddress}={s.Activations}")));
            }

            grainsTable.WriteTo(output);
            output.WriteLine();
            output.WriteLine($"swarm {health.Status}: {health.Agents} agents ({string.Join(", ", health.ByState.Select(static s => $"{s.Count} {s.State}"))})"
                + (health.Halt is { } halt ? $"; HALTED: {halt.Reason}" : "")
                + (health.Alerting.Count > 0 ? $"; alerting: {string.Join(", ", health.Alerting)}" : "")
                + (health.Unconverged.Count > 0 ? $"; converging: {string.Join(", ", health.Unconverged)}" : ""));
        }, ct));
        command.Subcommands.Add(status);
        return command;
    }
}
