using System.Diagnostics;
using TgeSwarm.Bench.Baselines;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Feeds;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Issue 5's parse figure: messages/s through each venue's parser (trades and book updates built, books kept,
/// checksums verified, into a sink that keeps nothing) over the real recorded sessions embedded in TgeSwarm.Feeds
/// (<see cref="RecordedSessions"/>), beside <see cref="Utf8JsonReaderPass"/> reading the same frames
/// without building anything. Aim: ≥ 0.5 of the baseline.
/// </summary>
internal static class ParseBenchmark
{
    /// <summary>
    /// Comma-separated venue names (<see cref="VenueNames"/>) to measure instead of all, for profiling one parser; an
    /// environment variable because the command line's options belong to the whole harness.
    /// </summary>
    private const string VenueFilterVariable = "TGESWARM_BENCH_PARSE_VENUES";

    public static void Run(BenchOptions options)
    {
        var sink = new DiscardingSink();
        var only = Environment.GetEnvironmentVariable(VenueFilterVariable);
        var selected = string.IsNullOrWhiteSpace(only) ? null : only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var venue in RecordedSessions.Available)
        {
            if (selected is not null && !selected.Any(name => VenueNames.TryParse(name, out var picked) && picked == venue))
            {
                continue;
            }

            var session = RecordedSession.Load(venue);
            var name = VenueNames.Name(venue);
            Measure(() => session.ParseAll(sink), options.WarmUp);
            Measure(() => ReadAll(session), options.WarmUp);
            var parser = 0.0;
            var baseline = 0.0;
            for (var round = 0; round < options.Pick(1, 3); round++)
            {
                parser = Math.Max(parser, Measure(() => session.ParseAll(sink), options.Measure));
                baseline = Math.Max(baseline, Measure(() => ReadAll(session), options.Measure));
            }

            Report.Figure($"parse.{name}.messages_per_s", parser, "messages/s");
            Report.Figure($"parse.{name}.baseline_utf8jsonreader.messages_per_s", baseline, "messages/s");
            Report.Ratio($"parse.{name}.ratio_to_baseline", parser, baseline);
        }
    }

    /// <summary>Messages per second of <paramref name="pass"/> (which returns the messages it handled), repeated for <paramref name="duration"/>.</summary>
    private static double Measure(Func<int> pass, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        long messages = 0;
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            messages += pass();
        }

        return messages / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static int ReadAll(RecordedSession session)
    {
        // REST bodies (depth snapshots) are read too: the parsers build books from them, so leaving them out would
        // flatter the baseline. Only frames count as messages on both sides.
        var frames = 0;
        foreach (var message in session.Messages)
        {
            Utf8JsonReaderPass.Read(message.Data);
            frames += message.Connection is null ? 0 : 1;
        }

        return frames;
    }

    private sealed class DiscardingSink : IMarketEventSink
    {
        public void OnTrade(Trade trade)
        {
        }

        public void OnBook(BookUpdate book)
        {
        }

        public void OnResyncRequired(string instrument, string reason)
        {
        }
    }
}
