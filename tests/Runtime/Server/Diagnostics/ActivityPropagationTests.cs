using System.Collections.Concurrent;
using System.Diagnostics;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Diagnostics;

public sealed class ActivityPropagationTests : IClassFixture<ActivityPropagationTests.Fixture>, IDisposable
{
    private readonly Fixture _fixture;

    private readonly ActivitySource _test = new("TgeSwarm.Tests.Tracing");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityPropagationTests(Fixture fixture)
    {
        _fixture = fixture;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SwarmDiagnostics.ActivitySourceName or "TgeSwarm.Tests.Tracing",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_call_chain_across_silos_is_one_trace_with_each_span_the_child_of_its_caller()
    {
        var (first, second) = KeysOnTwoSilos();
        ActivityTraceId trace;
        using (var root = _test.StartActivity("test-root"))
        {
            Assert.NotNull(root);
            trace = root.TraceId;
            Assert.Equal($"{first}>{second}", await _fixture.Cluster.Client.GetGrain<IChainGrain>(first).CallAlongAsync([second], allowReentrancy: false));
        }

        // A server span stops after its turn, which may be just after the caller got the answer.
        var spans = await SpansOf(trace, s => s.Count >= 5);
        var root_ = Assert.Single(spans, s => s.OperationName == "test-root");
        var callFirst = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.GetTagItem("tgeswarm.grain.id") as string == $"chain/{first}");
        var runFirst = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("tgeswarm.grain.id") as string == $"chain/{first}");
        var callSecond = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.GetTagItem("tgeswarm.grain.id") as string == $"chain/{second}");
        var runSecond = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("tgeswarm.grain.id") as string == $"chain/{second}");
        Assert.Equal(root_.SpanId, callFirst.ParentSpanId);
        Assert.Equal(callFirst.SpanId, runFirst.ParentSpanId);
        Assert.Equal(runFirst.SpanId, callSecond.ParentSpanId);
        Assert.Equal(callSecond.SpanId, runSecond.ParentSpanId);
        Assert.Equal($"chain/{first}", callSecond.GetTagItem("tgeswarm.grain.caller"));
        Assert.Equal("TgeSwarm.TestGrains.IChainGrain/CallAlongAsync", runSecond.OperationName);
        Assert.Equal("CallAlongAsync", runSecond.GetTagItem("rpc.method"));
    }

    [Fact]
    public async Task A_failing_call_marks_both_spans_as_errors_and_the_caller_still_gets_the_exception()
    {
        ActivityTraceId trace;
        using (var root = _test.StartActivity("test-root"))
        {
            trace = root!.TraceId;
            await Assert.ThrowsAsync<TestGrainException>(() => _fixture.Cluster.Client.GetGrain<IBehaviourGrain>("trace-fail").ThrowAsync("boom"));
        }

        var spans = await SpansOf(trace, s => s.Count(a => a.Status == ActivityStatusCode.Error) >= 2);
        Assert.All(spans.Where(s => s.Kind != ActivityKind.Internal), s => Assert.Equal(ActivityStatusCode.Error, s.Status));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _test.Dispose();
    }

    // Spans are gathered by a process-wide listener, so other tests' spans are filtered out by trace id.
    private async Task<List<Activity>> SpansOf(ActivityTraceId trace, Func<List<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow + Bounded.Wait;
        while (true)
        {
            List<Activity> spans = [.. _stopped.Where(a => a.TraceId == trace)];
            if (complete(spans) || DateTime.UtcNow > deadline)
            {
                return spans;
            }

            await Task.Delay(10);
        }
    }

    private (string First, string Second) KeysOnTwoSilos()
    {
        var first = "trace-a";
        var owner = _fixture.OwnerOf("chain", first);
        for (var i = 0; i < 200; i++)
        {
            var candidate = $"trace-b{i}";
            if (_fixture.OwnerOf("chain", candidate) != owner)
            {
                return (first, candidate);
            }
        }

        throw new InvalidOperationException("No key placed on another silo within 200 tries.");
    }

    public sealed class Fixture : MultiSiloFixture
    {
        protected override int SiloCount => 2;

        protected override void ConfigureSilo(ISiloBuilder silo) => silo.AddActivityPropagation();
    }
}
