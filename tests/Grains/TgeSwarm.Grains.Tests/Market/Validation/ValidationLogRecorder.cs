using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Market.Stages;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>Keeps the validation grain's log events (id and text), debug level included, so a test can wait for one and count them.</summary>
internal sealed class ValidationLogRecorder : ILoggerProvider
{
    public static readonly string Category = typeof(ValidationGrain).FullName!;

    private readonly ConcurrentQueue<(int Id, string Message)> _events = new();

    public IReadOnlyList<(int Id, string Message)> Events => [.. _events];

    public IReadOnlyList<string> Messages(int id) => [.. _events.Where(e => e.Id == id).Select(static e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName == Category);

    public void Dispose()
    {
    }

    private sealed class Recorder(ValidationLogRecorder owner, bool recorded) : ILogger
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
