using System.Globalization;
using System.Text.Json;

namespace TgeSwarm.Grains.Tests.Market.Features;

/// <summary>The StockCharts ChartSchool RSI worked example copied into Data/features (sources in its README).</summary>
internal static class StockChartsRsiSample
{
    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "features", file);

    public static double[] Closes()
    {
        var lines = File.ReadAllLines(PathOf("stockcharts_rsi_input_from_ta_cs-rsi.csv"));
        Assert.Equal("Date,Close", lines[0]);
        var closes = new double[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            closes[i - 1] = double.Parse(lines[i].Split(',')[1], CultureInfo.InvariantCulture);
        }

        return closes;
    }

    /// <summary>The published RSI(14), two decimals, of closes 15 onwards (index 14), and the tolerance the file states.</summary>
    public static (double[] Values, double Tolerance) ExpectedRsi14()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf("stockcharts_rsi_expected.json")));
        var root = document.RootElement;
        var values = root.GetProperty("rsi14_from_index_14");
        var expected = new double[values.GetArrayLength()];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = values[i].GetDouble();
        }

        return (expected, root.GetProperty("tolerance").GetDouble());
    }

    /// <summary>
    /// The sample's closes followed by a deterministic walk (a fixed linear congruential generator), long enough for
    /// MACD and a long tail of RSI values.
    /// </summary>
    public static double[] ExtendedCloses(int count)
    {
        var sample = Closes();
        var closes = new double[count];
        Array.Copy(sample, closes, Math.Min(sample.Length, count));
        var state = 12345UL;
        for (var i = sample.Length; i < count; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            var step = ((state >> 33) % 2001 / 1000.0) - 1.0;
            closes[i] = Math.Round(closes[i - 1] + (step * 0.6), 4);
        }

        return closes;
    }
}
