using System.CommandLine;

namespace TgeSwarm.Cli.Tge;

/// <summary><c>tgeswarm tge …</c>: the TGE detection stages, for scripting.</summary>
internal static class TgeCommand
{
    public static Command Create() => new("tge", "Work with the TGE detection stages.") { EvalCommand.Create() };
}
