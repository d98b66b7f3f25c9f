using System.CommandLine;
using TgeSwarm.Grains.Tge.Classification.Evaluation;

namespace TgeSwarm.Cli.Tge;

/// <summary>
/// <c>tgeswarm tge eval --labels FILE [--rules FILE] [--split tune|heldout|all]</c>: scores the keyword classifier
/// on labelled JSON lines and prints precision, recall, kind and symbol accuracy and the misclassified items.
/// Exit codes: 0 done, 2 bad arguments or input (TgeEvalRunner). Unknown arguments are let through the parser and
/// refused here, so they too exit 2 rather than with the parser's generic code.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels") { Description = "Labelled items, JSON lines (title, summary, label, kind, symbol, reason)." };
        var rules = new Option<string>("--rules") { Description = "A rules file to use instead of the shipped rules." };
        var split = new Option<string>("--split") { Description = "tune, heldout or all (default all): which half of the labels to score." };
        var command = new Command("eval", "Score the TGE classifier on a labelled set.") { labels, rules, split };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, _) =>
        {
            if (result.UnmatchedTokens.Count > 0)
            {
                Console.Error.WriteLine($"unknown arguments: {string.Join(' ', result.UnmatchedTokens)}; usage: tgeswarm tge eval --labels FILE [--rules FILE] [--split tune|heldout|all]");
                return Task.FromResult(TgeEvalRunner.BadInput);
            }

            return Task.FromResult(TgeEvalRunner.Run(
                result.GetValue(labels), result.GetValue(rules), result.GetValue(split), Console.Out, Console.Error));
        });
        return command;
    }
}
