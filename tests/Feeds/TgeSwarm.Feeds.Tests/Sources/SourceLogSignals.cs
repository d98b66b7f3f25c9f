using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Tests.Sources;

/// <summary>A logger provider whose tests await the first log event with an id instead of polling for its effect.</summary>
internal sealed class SourceLogSignals : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource<string>> _events = new();

    public Task<string> First(int eventId) => Source(eventId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private TaskCompletionSource<string> Source(int eventId) =>
        _events.GetOrAdd(eventId, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Logger(SourceLogSignals signals) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            signals.Source(eventId.Id).TrySetResult(formatter(state, exception));
    }
}
