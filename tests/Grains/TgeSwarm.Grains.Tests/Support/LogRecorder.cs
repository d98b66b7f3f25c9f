using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Grains.Tests.Support;

/// <summary>
/// Keeps the log events (id and text), debug level included, of the categories starting with
/// <see cref="CategoryPrefix"/>, so a test can wait for a line and count the lines a scenario wrote. Register it as
/// an <see cref="ILoggerProvider"/> with <see cref="AddTo"/>.
/// </summary>
internal sealed class LogRecorder(string categoryPrefix) : ILoggerProvider
{
    private readonly ConcurrentQueue<(int Id, string Message)> _events = new();

    public string CategoryPrefix { get; } = categoryPrefix;

    public IReadOnlyList<(int Id, string Message)> Events => [.. _events];

    public IReadOnlyList<int> Ids(int from, int to) => [.. _events.Select(e => e.Id).Where(id => id >= from && id <= to)];

    public IReadOnlyList<string> Messages(int id) => [.. _events.Where(e => e.Id == id).Select(static e => e.Message)];

    /// <summary>Adds this recorder to a silo's logging, at every level for its categories whatever the silo's minimum.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogRecorder).FullName, CategoryPrefix, LogLevel.Trace, null)));
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName.StartsWith(CategoryPrefix, StringComparison.Ordinal));

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
