using System.CommandLine;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Replay;

namespace TgeSwarm.Cli.Replay;

/// <summary>
/// <c>tgeswarm replay normalize --venue V --input FILE</c>: runs a recorded session (cryptofeed JSON lines, plain or
/// gzip) through the venue's parser and book keeper and writes the normalised events as JSON lines, then a summary
/// line. Exit codes: 0 done, 1 the input cannot be read, 2 bad arguments.
/// </summary>
internal static class NormalizeCommand
{
    public static Command Create()
    {
        var venue = new Option<string>("--venue")
        {
            Description = $"One of: {string.Join(", ", VenueNames.All)}.",
            Required = true,
        };
        var input = new Option<FileInfo>("--input")
        {
            Description = "A recorded session (.jsonl or .jsonl.gz).",
            Required = true,
        };
        var command = new Command("normalize", "Write a recording's trades and book events as normalised JSON lines, then a summary.") { venue, input };
        command.SetAction((result, _) => Task.FromResult(Run(result.GetRequiredValue(venue), result.GetRequiredValue(input), Console.OpenStandardOutput(), Console.Error)));
        return command;
    }

    /// <summary>The command's whole work, with its streams passed in so tests run it in-process.</summary>
    public static int Run(string venueName, FileInfo input, Stream output, TextWriter error)
    {
        if (!VenueNames.TryParse(venueName, out var venue))
        {
            error.WriteLine($"unknown venue '{venueName}': expected one of {string.Join(", ", VenueNames.All)}");
            return 2;
        }

        if (!input.Exists)
        {
            error.WriteLine($"input not found: {input.FullName}");
            return 1;
        }

        using var writer = new NormalizedEventWriter(output);
        var replay = new RecordingReplay(venue.Value, writer);
        try
        {
            using var stream = input.OpenRead();
            replay.Run(stream);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot read {input.FullName}: {exception.Message}");
            return 1;
        }

        var statistics = replay.Statistics;
        writer.WriteSummary(statistics);
        output.Flush();
        foreach (var (reason, count) in statistics.RejectedByReason)
        {
            error.WriteLine($"rejected {reason}: {count}");
        }

        return 0;
    }
}
