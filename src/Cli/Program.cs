using System.CommandLine;
using TgeSwarm.Cli.Health;
using TgeSwarm.Cli.Replay;
using TgeSwarm.Cli.Tge;

var root = new RootCommand("tgeswarm: operate a TgeSwarm cluster from the terminal.");
root.Subcommands.Add(HealthCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(TgeCommand.Create());
return await root.Parse(args).InvokeAsync();
