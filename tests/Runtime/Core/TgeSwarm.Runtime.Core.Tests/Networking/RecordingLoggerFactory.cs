using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Tests.Networking;

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);

/// <summary>Keeps every log entry; a test can wait (bounded) for an entry that matches.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Signal)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public async Task<LogEntry> WaitForAsync(int eventId, string containing, string what)
    {
        var signal = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Match(LogEntry e) => e.EventId == eventId && e.Message.Contains(containing, StringComparison.Ordinal);
        lock (_lock)
        {
            if (_entries.FirstOrDefault(Match) is { } existing)
            {
                return existing;
            }

            _waiters.Add((Match, signal));
        }

        try
        {
            return await signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after 10 s waiting for log event {eventId} containing '{containing}' ({what}); logged: "
                + string.Join(" | ", Entries.Select(static e => $"{e.EventId} {e.Message}")));
        }
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Match(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(entry);
            }
        }
    }

    private sealed class Logger(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}
