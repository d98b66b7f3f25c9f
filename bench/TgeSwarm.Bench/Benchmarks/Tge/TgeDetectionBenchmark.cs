using TgeSwarm.Bench.Harness;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// Issue 6's detection-latency figure: 100 local sources (six kinds) polled every second by source grains on one
/// silo, listing items with unique symbols published at random moments, timed from the publish to the event notice
/// on <c>tge.events</c> (end to end) and from the start of the poll that read the item to the notice (poll to
/// event). Beside it, the same schedule against a plain loop doing each source's work without grains (conditional
/// GET, parse, classify), timed from the publish to the classification. Every published item must become exactly
/// one event; a missed or repeated one is printed as a FAIL line.
/// </summary>
internal static class TgeDetectionBenchmark
{
    private const double AimEndToEndP99Ms = 2000;
    private const double AimPollToEventP99Ms = 200;

    public static async Task RunAsync(BenchOptions options)
    {
        var duration = TimeSpan.FromSeconds(options.Pick(15, 60));
        var plan = DetectionPlan.Create(duration, options.Pick(45, 180));
        var classifier = TgeClassifier.CreateDefault();
        foreach (var phase in "GWBV")
        {
            DetectionPlan.Check(classifier, Enumerable.Range(0, plan.Moments.Count).Select(i => DetectionPlan.Symbol(phase, i)));
        }

        Report.Note($"tge_detection: {DetectionPlan.SourceCount} sources (BinanceCms, Okx, Bybit, Rss, Atom, Html in turn) polled every 1 s, "
            + $"{plan.Moments.Count} listing items at random moments over {duration.TotalSeconds:0} s; load average {LoadAverage()}");
        Report.Note("tge_detection: host guard of 127.0.0.1 (all sources) set to " + string.Join(", ", DetectionSilo.HostSettings.Select(static s => $"{s.Key}={s.Value}"))
            + " (defaults 200 ms spacing = 5 requests/s and 4 at once would throttle 100 polls/s)");

        var probe = new DetectionProbe();
        var grains = await GrainDetectionPhase.RunAsync(plan, probe, CancellationToken.None);
        var baseline = await BaselineDetectionPhase.RunAsync(plan, classifier, probe, CancellationToken.None);
        Report.Note($"tge_detection: load average {LoadAverage()} at the end");

        Print("tge_detection", "event", "events_seen", grains);
        Print("tge_detection.baseline_loop", "classified", "items_classified", baseline);
        var g = grains.Summary;
        var b = baseline.Summary;
        Report.Ratio("tge_detection.end_to_end.p50.ratio_to_baseline", DetectionSummary.Millis(g.EndToEnd, 50), DetectionSummary.Millis(b.EndToEnd, 50));
        Report.Ratio("tge_detection.end_to_end.p99.ratio_to_baseline", DetectionSummary.Millis(g.EndToEnd, 99), DetectionSummary.Millis(b.EndToEnd, 99));
        Report.Ratio("tge_detection.poll_to_event.p50.ratio_to_baseline", DetectionSummary.Millis(g.FromPoll, 50), DetectionSummary.Millis(b.FromPoll, 50));
        Report.Ratio("tge_detection.poll_to_event.p99.ratio_to_baseline", DetectionSummary.Millis(g.FromPoll, 99), DetectionSummary.Millis(b.FromPoll, 99));

        var endToEnd = DetectionSummary.Millis(g.EndToEnd, 99);
        var pollToEvent = DetectionSummary.Millis(g.FromPoll, 99);
        Report.Note($"tge_detection: aim end-to-end p99 <= {AimEndToEndP99Ms:0} ms: {(endToEnd <= AimEndToEndP99Ms ? "met" : "NOT met")} ({endToEnd:0} ms); "
            + $"aim poll-to-event p99 <= {AimPollToEventP99Ms:0} ms: {(pollToEvent <= AimPollToEventP99Ms ? "met" : "NOT met")} ({pollToEvent:0} ms)");
    }

    private static void Print(string name, string outcome, string detectedName, DetectionRun run)
    {
        var s = run.Summary;
        Report.Figure($"{name}.end_to_end.p50_ms", DetectionSummary.Millis(s.EndToEnd, 50), "ms");
        Report.Figure($"{name}.end_to_end.p99_ms", DetectionSummary.Millis(s.EndToEnd, 99), "ms");
        Report.Figure($"{name}.end_to_end.max_ms", DetectionSummary.Millis(s.EndToEnd, 100), "ms");
        Report.Figure($"{name}.poll_to_{outcome}.p50_ms", DetectionSummary.Millis(s.FromPoll, 50), "ms");
        Report.Figure($"{name}.poll_to_{outcome}.p99_ms", DetectionSummary.Millis(s.FromPoll, 99), "ms");
        Report.Figure($"{name}.seen_to_{outcome}.p50_ms", DetectionSummary.Millis(s.FromSeen, 50), "ms");
        Report.Figure($"{name}.seen_to_{outcome}.p99_ms", DetectionSummary.Millis(s.FromSeen, 99), "ms");
        Report.Figure($"{name}.items_published", s.Published, "items");
        Report.Figure($"{name}.{detectedName}", s.Detected, "items");
        Report.Figure($"{name}.missed", s.Missed.Count, "items");
        Report.Figure($"{name}.repeated", s.Repeats + s.Unplanned, "notices");
        Report.Note($"{name}: {run.Polls} polls, failed polls: {(run.FailedPolls.Count == 0 ? "none" : string.Join(", ", run.FailedPolls.Select(static f => $"{f.Key}={f.Value}")))}; "
            + $"{s.Notices} notices, {s.FromPoll.Count} joined to their poll");
        if (s.Missed.Count > 0)
        {
            Report.Note($"FAIL {name}: {s.Missed.Count} of {s.Published} published items became no {outcome} within {DetectionPhase.Drain.TotalSeconds:0} s of the last publish: "
                + string.Join(' ', s.Missed.Take(20)));
        }

        if (s.Repeats + s.Unplanned > 0)
        {
            Report.Note($"FAIL {name}: {s.Repeats} repeated and {s.Unplanned} unplanned notices (each published item must become exactly one {outcome})");
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
