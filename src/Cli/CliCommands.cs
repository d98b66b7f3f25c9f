using System.CommandLine;
using TgeSwarm.Cli.Api;
using TgeSwarm.Cli.Health;
using TgeSwarm.Cli.Replay;
using TgeSwarm.Cli.Tge;

namespace TgeSwarm.Cli;

/// <summary>The <c>tgeswarm</c> command tree; the API commands talk through <paramref name="api"/>'s HTTP clients.</summary>
internal static class CliCommands
{
    public static RootCommand Create(ApiConnector api)
    {
        var root = new RootCommand("tgeswarm: operate a TgeSwarm cluster from the terminal.");
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(ClusterCommand.Create(api));
        root.Subcommands.Add(AgentsCommand.Create(api));
        root.Subcommands.Add(EventsCommand.Create(api));
        root.Subcommands.Add(FeaturesCommand.Create(api));
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(TgeCommand.Create());
        return root;
    }
}
