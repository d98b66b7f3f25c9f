using System.Text.Json;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Scrapers;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// Drives scraper shards (<see cref="IScraperGrain"/>, keys <c>group#n</c>, e.g. <c>tge#0</c>): the configuration is
/// <c>{"sources":{"&lt;id&gt;":&lt;settings&gt;, …}}</c>, each source's settings written as the <c>source</c> type
/// writes them (<see cref="SourceSettingsJson"/>), ids in ordinal order; the task items are the source ids. A shard
/// runs when every source it owns polls and none fails; it fails when a source is lost (removed, taken over,
/// unreachable), failing, or not yet released, so the health monitor restarts it and the restart claims them again.
/// A source paused by an operator holds the shard at pending: it neither counts as running nor is restarted over.
/// </summary>
internal sealed class ScraperAgentDriver : IAgentDriver
{
    public const string Type = AgentTypes.Scraper;

    private const int NamedAtMost = 3;

    public AgentTypeInfo Info { get; } = new(Type, PipelineNames.Tge, Sharded: true, TaskItems: "sources");

    public string? GroupOf(string key) => ShardKeys.GroupOf(key, "Scraper keys are group#shard (e.g. tge#0)");

    public string ShardKey(string group, int index) => ShardKeys.Of(group, index);

    public string Normalize(string key, string configuration) => Write(Parse(configuration));

    public IReadOnlyList<string> TaskItemsOf(string configuration) => [.. Read(configuration).Keys];

    /// <summary>The configuration's sources restricted to <paramref name="items"/>, each of which it must hold.</summary>
    public string WithTaskItems(string configuration, IReadOnlyList<string> items)
    {
        var sources = Read(configuration);
        var missing = items.Where(id => !sources.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new CoordinationArgumentException($"The scraper configuration has no settings for source(s) {string.Join(", ", missing)}.", "configuration");
        }

        return Write(items.Distinct(StringComparer.Ordinal).ToDictionary(static id => id, id => sources[id], StringComparer.Ordinal));
    }

    /// <summary>Every configuration's sources; a source id in several keeps the settings of the first.</summary>
    public string Combine(IReadOnlyList<string> configurations)
    {
        var sources = new Dictionary<string, TgeSourceSettings>(StringComparer.Ordinal);
        foreach (var configuration in configurations)
        {
            foreach (var (id, settings) in Read(configuration))
            {
                sources.TryAdd(id, settings);
            }
        }

        return Write(sources);
    }

    public async Task StartAsync(IGrainFactory grains, string key, string configuration, CancellationToken cancellationToken)
    {
        var settings = new TgeScraperSettings(Parse(configuration));
        try
        {
            await grains.GetGrain<IScraperGrain>(key).StartAsync(settings, cancellationToken);
        }
        catch (ArgumentException exception) when (exception is not CoordinationArgumentException)
        {
            // The scraper re-checks what Parse checked; if it still refuses, report it against the configuration field.
            throw new CoordinationArgumentException(exception.Message, "configuration");
        }
    }

    public Task StopAsync(IGrainFactory grains, string key, CancellationToken cancellationToken) =>
        grains.GetGrain<IScraperGrain>(key).StopAsync(cancellationToken);

    public async Task<AgentStatus> GetStatusAsync(IGrainFactory grains, string key, CancellationToken cancellationToken)
    {
        var status = await grains.GetGrain<IScraperGrain>(key).GetStatusAsync(cancellationToken);
        if (!status.Started)
        {
            // A stop whose releases failed is not done yet: failed, so that reconciliation stops it again.
            return status.Releasing.Count > 0
                ? new AgentStatus(AgentState.Failed, $"stopping: {Named(status.Releasing)} not yet released", status.Silo)
                : new AgentStatus(AgentState.Stopped, "stopped", status.Silo);
        }

        var state = status.Lost.Count + status.Failing.Count + status.Releasing.Count > 0 ? AgentState.Failed
            : status.Paused.Count > 0 ? AgentState.Pending
            : AgentState.Running;
        return new AgentStatus(state, Describe(status), status.Silo);
    }

    /// <summary>For example <c>12 sources: 11 polling, 1 failing (okx-listings)</c>.</summary>
    internal static string Describe(TgeScraperStatus status)
    {
        var parts = new List<string> { $"{status.Polling.Count} polling" };
        foreach (var (name, ids) in new[] { ("failing", status.Failing), ("paused", status.Paused), ("lost", status.Lost), ("releasing", status.Releasing) })
        {
            if (ids.Count > 0)
            {
                parts.Add($"{ids.Count} {name} ({Named(ids)})");
            }
        }

        return $"{status.Sources} sources: {string.Join(", ", parts)}";
    }

    private static string Named(IReadOnlyList<string> ids) =>
        ids.Count <= NamedAtMost ? string.Join(", ", ids) : $"{string.Join(", ", ids.Take(NamedAtMost))} and {ids.Count - NamedAtMost} more";

    /// <summary>Reads and validates every source; the error names the source.</summary>
    private static SortedDictionary<string, TgeSourceSettings> Parse(string configuration)
    {
        var sources = Read(configuration);
        if (sources.Count == 0)
        {
            throw new CoordinationArgumentException("The scraper configuration needs at least one source under \"sources\".", "configuration");
        }

        foreach (var (id, settings) in sources)
        {
            try
            {
                SourceSettingsValidator.Validate(id, settings);
            }
            catch (ArgumentException exception)
            {
                throw new CoordinationArgumentException($"Source '{id}': {ArgumentMessages.WithoutParameter(exception)}", "configuration");
            }
        }

        return sources;
    }

    /// <summary>The sources by ordinal id, checked for shape only (every source has settings with a url).</summary>
    private static SortedDictionary<string, TgeSourceSettings> Read(string configuration)
    {
        ScraperConfiguration? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ScraperConfiguration>(configuration, SourceSettingsJson.Options);
        }
        catch (JsonException exception)
        {
            throw new CoordinationArgumentException($"The scraper configuration is not valid JSON of the form {{\"sources\":{{\"<id>\":<source settings>}}}}: {exception.Message}", "configuration");
        }

        if (parsed?.Sources is null)
        {
            throw new CoordinationArgumentException("The scraper configuration needs \"sources\": an object of source id to source settings.", "configuration");
        }

        var sources = new SortedDictionary<string, TgeSourceSettings>(StringComparer.Ordinal);
        foreach (var (id, settings) in parsed.Sources)
        {
            sources[id] = settings?.Url is not null
                ? settings
                : throw new CoordinationArgumentException($"Source '{id}' needs url, kind, minInterval and maxInterval.", "configuration");
        }

        return sources;
    }

    private static string Write(IEnumerable<KeyValuePair<string, TgeSourceSettings>> sources)
    {
        // Sorted by ordinal id, so equal sets are equal text.
        var sorted = new SortedDictionary<string, TgeSourceSettings?>(StringComparer.Ordinal);
        foreach (var (id, settings) in sources)
        {
            sorted[id] = settings;
        }

        return JsonSerializer.Serialize(new ScraperConfiguration(sorted), SourceSettingsJson.Options);
    }

    private sealed record ScraperConfiguration(IReadOnlyDictionary<string, TgeSourceSettings?>? Sources);
}
