using System.Text.RegularExpressions;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Classification.Evaluation;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// Items for the TGE throughput figure: the labelled set's titles (real Binance catalogue titles and hand-made
/// look-alikes, about a quarter of them TGEs) over and over, spread over 32 sources. Each round renames the tokens
/// in parentheses (<c>(FOO)</c> → <c>(FOOAB)</c>), so every round announces new tokens: the event grains create
/// records as well as merge sightings and drop repeats, as they do on live feeds.
/// </summary>
internal static partial class TgeBenchItems
{
    public const int Sources = 32;

    public static TgeItem[] Create(int count, int roundOffset)
    {
        var labels = Labels();
        var items = new TgeItem[count];
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var label = labels[i % labels.Count];
            var round = roundOffset + (i / labels.Count);
            var suffix = string.Concat((char)('A' + (round / 26 % 26)), (char)('A' + (round % 26)));
            var title = Symbol().Replace(label.Title, match => "(" + match.Groups[1].Value + suffix + ")");
            items[i] = new TgeItem("bench-" + (i % Sources), "item-" + roundOffset + "-" + i, title, label.Summary ?? "", null, now, "en", [], now, now);
        }

        return items;
    }

    private static IReadOnlyList<TgeLabel> Labels()
    {
        var path = FindLabels();
        using var reader = new StreamReader(path);
        return TgeLabelReader.Read(reader, path);
    }

    // Above the working directory (dotnet run from the repository) or above the binary (the default artifacts path).
    private static string FindLabels()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "data", "tge", "labels.jsonl");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"data/tge/labels.jsonl not found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }

    [GeneratedRegex(@"\(([A-Z][A-Z0-9]{0,7})\)", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();
}
