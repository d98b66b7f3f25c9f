using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>Without Api:AdminKey the embedded default makes an admin key and logs it once, so the run command is usable.</summary>
public sealed partial class GeneratedAdminKeyTests
{
    [Fact]
    public async Task The_embedded_default_logs_one_generated_admin_key_that_works()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Swarm:SiloPort", "0")
            .UseSetting("Market:Replay:Enabled", "false")
            .ConfigureLogging(logging => logging.AddProvider(logs)));
        using var http = factory.CreateClient();

        var lines = logs.Messages.Where(m => m.Contains("API admin key for this run", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        var key = GeneratedKey().Match(line).Value;
        var current = await new SwarmApiClient(http, key).GetCurrentKeyAsync();

        Assert.Equal(47, key.Length);
        Assert.Contains("X-Api-Key", line, StringComparison.Ordinal);
        Assert.Equal(new CurrentApiKey("generated-admin", "generated at start-up", "admin"), current);
    }

    [GeneratedRegex("tgs_[A-Za-z0-9_-]{43}")]
    private static partial Regex GeneratedKey();

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(Messages);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
