using TgeSwarm.Cli.Replay;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary><c>tgeswarm replay serve</c> run in-process through its entry method.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData(new[] { "mtgox" }, null, null, null, "unknown venue 'mtgox': expected one of binance, coinbase, bybit, kraken, kraken-v2, okx")]
    [InlineData(new[] { "kraken-v2" }, null, null, null, "ReplayExchange:Venues: kraken-v2 has no recorded session; recorded: binance, coinbase, bybit, kraken, okx.")]
    [InlineData(new[] { "okx", "okx" }, null, null, null, "ReplayExchange:Venues names Okx 2 times.")]
    [InlineData(new string[0], null, null, null, "no venue: give --venue with one of binance, coinbase, bybit, kraken, okx")]
    [InlineData(new[] { "okx" }, "http", null, null, "--port 'http' is not a port number (0 for one the OS picks)")]
    [InlineData(new[] { "okx" }, "70000", null, null, "ReplayExchange:Port must leave one port per venue between 0 and 65535 (was 70000 for 1 venues).")]
    [InlineData(new[] { "okx" }, null, "fast", null, "--speed 'fast' is not a number (0 for as fast as possible)")]
    [InlineData(new[] { "okx" }, null, "-2", null, "ReplayExchange:Speed must be 0 (as fast as possible) or a positive factor of recorded time (was -2).")]
    [InlineData(new[] { "okx" }, null, null, "drop-delta", "fault 'drop-delta': expected a frame number (e.g. drop-delta:5) or a probability (e.g. drop-delta:p=0.01) after 'drop-delta:'")]
    [InlineData(new[] { "okx" }, null, null, "explode:5", "fault 'explode:5': unknown kind 'explode', expected drop-delta, corrupt-qty, duplicate, close, silence")]
    [InlineData(new[] { "okx" }, null, null, "silence:5", "fault 'silence:5': silence needs a duration: silence:N:30s")]
    [InlineData(new[] { "okx" }, null, null, "close:5@binance", "ReplayExchange:Faults:0 (close:5@binance) names binance, which is not served.")]
    [InlineData(new[] { "okx" }, null, null, "drop-delta:p=1.5", "ReplayExchange:Faults:0 (drop-delta:p=1.5) needs exactly one of At ≥ 1 or 0 < Probability ≤ 1 (was 0 and 1.5).")]
    public async Task Bad_arguments_exit_with_2_and_say_what_is_wrong(string[] venues, string? port, string? speed, string? fault, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ServeCommand.RunAsync(new ServeCommand.Arguments(venues, port, speed, Loop: false, fault is null ? [] : [fault], Seed: null, KeepOpen: false), output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Serve_prints_each_venues_urls_runs_until_cancelled_and_prints_what_it_served()
    {
        using var output = new SignalingWriter("serving until Ctrl-C");
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = ServeCommand.RunAsync(new ServeCommand.Arguments(["okx", "bybit"], "0", "0", Loop: true, ["drop-delta:p=0.01@okx"], "3", KeepOpen: false), output, error, stop.Token);
        await output.Signal.WaitAsync(TimeSpan.FromSeconds(30));
        var printed = output.ToString();
        var okx = Line(printed, "okx: rest http://127.0.0.1:");
        Assert.Contains("(recorded: /ws/v5/public)", okx, StringComparison.Ordinal);
        Assert.Contains("(recorded: /v5/public/linear /v5/public/spot)", Line(printed, "bybit: rest http://127.0.0.1:"), StringComparison.Ordinal);
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("connections 0, subscribe mismatches 0, subscribe timeouts 0, rest requests 0, not found 0", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("frames sent: okx 0, bybit 0", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("info", error.ToString(), StringComparison.Ordinal);
    }

    private static string Line(string text, string start) => text.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));

    /// <summary>A writer that signals once a line containing <paramref name="marker"/> was written.</summary>
    private sealed class SignalingWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Signal => _signal.Task;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                _signal.TrySetResult();
            }
        }
    }
}
