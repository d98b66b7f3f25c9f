using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>Keeps every log event of the loggers it creates, to assert on event ids and messages.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Message)> _events = new();

    public IReadOnlyCollection<(int EventId, LogLevel Level, string Message)> Events => _events;

    public int Count(int eventId, LogLevel level) => _events.Count(e => e.EventId == eventId && e.Level == level);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._events.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}
