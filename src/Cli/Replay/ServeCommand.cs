using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Exchange;

namespace TgeSwarm.Cli.Replay;

/// <summary>
/// <c>tgeswarm replay serve --venue V [--venue W…] [--port N] [--speed X] [--loop] [--fault SPEC…] [--seed N] [--keep-open]</c>:
/// serves the recorded sessions on 127.0.0.1 (src/Feeds/Exchange/EXCHANGE.md), prints each venue's base URLs, runs
/// until Ctrl-C and prints what it served. Exit codes: 0 stopped, 1 could not listen, 2 bad arguments.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var venues = new Option<string[]>("--venue") { Description = $"A venue to serve, repeatable; one of: {string.Join(", ", RecordedSessions.Available.Select(VenueNames.Name))}.", Required = true };
        var port = new Option<string?>("--port") { Description = "Port of the first venue; the others take the next ports. Default 0: ports the OS picks." };
        var speed = new Option<string?>("--speed") { Description = "Recorded time divided by this: 1 real time (default), 10 ten times faster, 0 as fast as possible." };
        var loop = new Option<bool>("--loop") { Description = "Replay the recordings indefinitely, rebasing ids, sequences and times on every pass." };
        var faults = new Option<string[]>("--fault") { Description = $"A fault to inject, repeatable: {ReplayFault.Syntax}." };
        var seed = new Option<string?>("--seed") { Description = "Seed of the faults drawn by probability. Default 1." };
        var keepOpen = new Option<bool>("--keep-open") { Description = "Without --loop, keep sockets open after the last frame instead of closing them." };
        var command = new Command("serve", "Serve recorded exchange sessions over HTTP and WebSocket on 127.0.0.1 until Ctrl-C.") { venues, port, speed, loop, faults, seed, keepOpen };
        command.SetAction((result, cancellationToken) => RunAsync(
            new Arguments(result.GetValue(venues) ?? [], result.GetValue(port), result.GetValue(speed), result.GetValue(loop), result.GetValue(faults) ?? [], result.GetValue(seed), result.GetValue(keepOpen)),
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    /// <summary>The command's whole work, with its writers passed in so tests run it in-process; returns when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryOptions(arguments, error, out var options))
        {
            return 2;
        }

        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new WriterLoggerProvider(TextWriter.Synchronized(error))).SetMinimumLevel(LogLevel.Information));
        ReplayExchange exchange;
        try
        {
            exchange = await ReplayExchange.StartAsync(options, loggers, cancellationToken: cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures)
            {
                error.WriteLine(failure);
            }

            return 2;
        }
        catch (IOException exception)
        {
            error.WriteLine($"cannot listen on 127.0.0.1: {exception.Message}");
            return 1;
        }

        await using (exchange)
        {
            foreach (var endpoint in exchange.Endpoints)
            {
                output.WriteLine($"{VenueNames.Name(endpoint.Venue)}: rest {endpoint.RestBaseUrl} ws {endpoint.WebSocketBaseUrl} (recorded: {string.Join(" ", endpoint.WebSocketUrls.Select(u => u.PathAndQuery))})");
            }

            output.WriteLine("serving until Ctrl-C");
            output.Flush();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C: the one way this command ends.
            }

            await exchange.StopAsync(CancellationToken.None);
            WriteStatistics(output, exchange.Statistics);
        }

        return 0;
    }

    private static bool TryOptions(Arguments arguments, TextWriter error, out ReplayExchangeOptions options)
    {
        options = new ReplayExchangeOptions { Loop = arguments.Loop, KeepOpenAtEnd = arguments.KeepOpen };
        var valid = true;
        if (arguments.Venues.Count == 0)
        {
            error.WriteLine($"no venue: give --venue with one of {string.Join(", ", RecordedSessions.Available.Select(VenueNames.Name))}");
            valid = false;
        }

        foreach (var name in arguments.Venues)
        {
            if (VenueNames.TryParse(name, out var venue))
            {
                options.Venues.Add(venue.Value);
            }
            else
            {
                error.WriteLine($"unknown venue '{name}': expected one of {string.Join(", ", VenueNames.All)}");
                valid = false;
            }
        }

        valid &= TryNumber<int>(arguments.Port, "--port", "a port number (0 for one the OS picks)", error, int.TryParse, out var port);
        valid &= TryNumber<double>(arguments.Speed, "--speed", "a number (0 for as fast as possible)", error, double.TryParse, out var speed);
        valid &= TryNumber<int>(arguments.Seed, "--seed", "an integer", error, int.TryParse, out var seed);
        options.Port = port ?? 0;
        options.Speed = speed ?? 1.0;
        options.Seed = seed ?? 1;
        foreach (var spec in arguments.Faults)
        {
            if (ReplayFault.TryParse(spec, out var fault, out var problem))
            {
                options.Faults.Add(fault);
            }
            else
            {
                error.WriteLine(problem);
                valid = false;
            }
        }

        return valid;
    }

    private delegate bool Parser<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    private static bool TryNumber<T>(string? text, string option, string expected, TextWriter error, Parser<T> parse, out T? value)
        where T : struct
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (parse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        error.WriteLine($"{option} '{text}' is not {expected}");
        return false;
    }

    private static void WriteStatistics(TextWriter output, ReplayExchangeStatistics statistics)
    {
        output.WriteLine($"connections {statistics.Connections}, subscribe mismatches {statistics.SubscribeMismatches}, subscribe timeouts {statistics.SubscribeTimeouts}, rest requests {statistics.HttpRequests}, not found {statistics.HttpNotFound}");
        output.WriteLine($"frames sent: {string.Join(", ", statistics.FramesSent.Select(f => $"{VenueNames.Name(f.Key)} {f.Value}"))}");
        output.WriteLine($"faults injected: {string.Join(", ", statistics.FaultsInjected.Select(f => $"{ReplayFault.NameOf(f.Key)} {f.Value}"))}");
        foreach (var connection in statistics.ConnectionDetails)
        {
            output.WriteLine($"connection {connection.Id} {VenueNames.Name(connection.Venue)} {connection.Path} [{string.Join(", ", connection.RecordedConnections)}]: {connection.FramesSent} frames, {connection.Passes} passes, {connection.FaultsInjected} faults, {connection.CloseReason ?? "open"}");
        }

        output.Flush();
    }

    /// <summary>What the command line gave, as typed: the command checks it, so every mistake is reported the same way (exit code 2).</summary>
    internal sealed record Arguments(IReadOnlyList<string> Venues, string? Port, string? Speed, bool Loop, IReadOnlyList<string> Faults, string? Seed, bool KeepOpen);

    /// <summary>Log lines (faults, connections, mismatches) to standard error, one per line.</summary>
    private sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new WriterLogger(writer, categoryName.StartsWith("TgeSwarm.", StringComparison.Ordinal));

        public void Dispose()
        {
        }

        private sealed class WriterLogger(TextWriter writer, bool ours) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            // Kestrel's own information lines (listening, requests) would drown the replay's.
            public bool IsEnabled(LogLevel logLevel) => logLevel >= (ours ? LogLevel.Information : LogLevel.Warning);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}");
                }
            }
        }
    }
}
