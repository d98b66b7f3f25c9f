using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>Keeps the TGE sources' and guards' log events (id and text) so a test can count the lines a scenario wrote.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    public const string Categories = "TgeSwarm.Grains.Tge";

    private readonly ConcurrentQueue<(int Id, string Message)> _events = new();

    public IReadOnlyList<(int Id, string Message)> Events => [.. _events];

    public IReadOnlyList<int> Ids(int from, int to) => [.. _events.Select(e => e.Id).Where(id => id >= from && id <= to)];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName.StartsWith(Categories, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner, bool recorded) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => recorded;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (recorded)
            {
                owner._events.Enqueue((eventId.Id, formatter(state, exception)));
            }
        }
    }
}
