using System.Globalization;

namespace TgeSwarm.Bench.Harness;

/// <summary>Prints figures as <c>BENCH name value unit</c>, one per line, invariant culture.</summary>
internal static class Report
{
    public static void Figure(string name, double value, string unit)
    {
        var text = Math.Abs(value) >= 100 || value == Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
        Console.Out.WriteLine($"BENCH {name} {text} {unit}");
        Console.Out.Flush();
    }

    /// <summary>How many times the measured figure is the baseline's (for rates: higher is better).</summary>
    public static void Ratio(string name, double measured, double baseline) =>
        Figure(name, baseline == 0 ? 0 : measured / baseline, "x");

    public static void Note(string text) => Console.Error.WriteLine($"# {text}");
}
