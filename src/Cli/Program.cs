using System.CommandLine;
using TgeSwarm.Cli.Health;

var root = new RootCommand("tgeswarm: operate a TgeSwarm cluster from the terminal.");
root.Subcommands.Add(HealthCommand.Create());
return await root.Parse(args).InvokeAsync();
