using System.CommandLine;
using TgeSwarm.Cli.Health;
using TgeSwarm.Cli.Replay;

var root = new RootCommand("tgeswarm: operate a TgeSwarm cluster from the terminal.");
root.Subcommands.Add(HealthCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
return await root.Parse(args).InvokeAsync();
