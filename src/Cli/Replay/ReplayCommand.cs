using System.CommandLine;

namespace TgeSwarm.Cli.Replay;

/// <summary><c>tgeswarm replay …</c>: work on recorded exchange sessions.</summary>
internal static class ReplayCommand
{
    public static Command Create() => new("replay", "Work with recorded exchange sessions.") { NormalizeCommand.Create(), ServeCommand.Create() };
}
