namespace TgeSwarm.Grains.Tests.Market.Features;

/// <summary>
/// MACD as TA-Lib defines it, computed over a whole array at once, written from the definition and independent of
/// the streaming <c>Macd</c>: both EMAs start at index slow − 1 (the fast one seeded with the mean of the fast
/// closes ending there), the signal starts at index slow + signal − 2, seeded with the mean of the first signal
/// MACD values.
/// </summary>
internal static class TaLibMacdReference
{
    /// <returns>Arrays as long as <paramref name="closes"/>, NaN where TA-Lib gives no output.</returns>
    public static (double[] Line, double[] Signal, double[] Histogram) Compute(double[] closes, int fast, int slow, int signal)
    {
        var start = slow - 1;
        var slowEma = EmaFrom(closes, slow, start, 0);
        var fastEma = EmaFrom(closes, fast, start, 0);
        var line = new double[closes.Length];
        Array.Fill(line, double.NaN);
        for (var i = start; i < closes.Length; i++)
        {
            line[i] = fastEma[i] - slowEma[i];
        }

        var first = start + signal - 1;
        var signalEma = EmaFrom(line, signal, first, start);
        var outLine = new double[closes.Length];
        var outSignal = new double[closes.Length];
        var outHistogram = new double[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            var has = i >= first;
            outLine[i] = has ? line[i] : double.NaN;
            outSignal[i] = has ? signalEma[i] : double.NaN;
            outHistogram[i] = has ? line[i] - signalEma[i] : double.NaN;
        }

        return (outLine, outSignal, outHistogram);
    }

    /// <summary>EMA defined from index <paramref name="seedIndex"/>, seeded with the mean of the <paramref name="period"/> values ending there.</summary>
    private static double[] EmaFrom(double[] values, int period, int seedIndex, int firstValid)
    {
        var result = new double[values.Length];
        Array.Fill(result, double.NaN);
        if (seedIndex >= values.Length || seedIndex - period + 1 < firstValid)
        {
            return result;
        }

        var sum = 0.0;
        for (var j = seedIndex - period + 1; j <= seedIndex; j++)
        {
            sum += values[j];
        }

        result[seedIndex] = sum / period;
        var k = 2.0 / (period + 1);
        for (var i = seedIndex + 1; i < values.Length; i++)
        {
            result[i] = ((values[i] - result[i - 1]) * k) + result[i - 1];
        }

        return result;
    }
}
