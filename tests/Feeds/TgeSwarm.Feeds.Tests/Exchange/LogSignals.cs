using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>A logger provider that lets a test await a log event by id instead of polling for its effect.</summary>
internal sealed class LogSignals : ILoggerProvider
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource<string>> _events = new();

    /// <summary>Completes with the message when an event with <paramref name="eventId"/> is logged (before or after this call).</summary>
    public Task<string> Next(int eventId) => Source(eventId).Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private TaskCompletionSource<string> Source(int eventId) =>
        _events.GetOrAdd(eventId, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Logger(LogSignals signals) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            signals.Source(eventId.Id).TrySetResult(formatter(state, exception));
    }
}
