using System.Text.Json;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// Drives TGE sources (<see cref="ISourceGrain"/>, keyed by source id, one grain per source, so not sharded): the
/// configuration is <see cref="TgeSourceSettings"/> as JSON (camelCase: <c>url</c>, <c>kind</c> as a name such as
/// <c>rss</c>, <c>minInterval</c> and <c>maxInterval</c> as <c>hh:mm:ss</c>, <c>html</c>, <c>headers</c>,
/// <c>language</c>, <c>emitExisting</c>). Stopping removes the source (its seen items are kept, so starting it again
/// emits nothing twice). A polling source is running unless its last <see cref="FailingAfter"/> polls failed; a paused
/// or unconfigured one is stopped.
/// </summary>
internal sealed class SourceAgentDriver : IAgentDriver
{
    public const string Type = AgentTypes.Source;

    /// <summary>Consecutive failed polls after which a source counts as failed (its own backoff handles fewer).</summary>
    public const int FailingAfter = 3;

    private static readonly JsonSerializerOptions Json = SourceSettingsJson.Options;

    public AgentTypeInfo Info { get; } = new(Type, PipelineNames.Tge, Sharded: false, TaskItems: null);

    public string? GroupOf(string key)
    {
        try
        {
            SourceSettingsValidator.ValidateId(key);
        }
        catch (ArgumentException exception)
        {
            throw new CoordinationArgumentException(ArgumentMessages.WithoutParameter(exception), "key");
        }

        return null;
    }

    public string ShardKey(string group, int index) =>
        throw new InvalidOperationException("Sources are one grain per source id; they have no shards.");

    public string Normalize(string key, string configuration) => JsonSerializer.Serialize(Parse(key, configuration), Json);

    public IReadOnlyList<string> TaskItemsOf(string configuration) => [];

    public string WithTaskItems(string configuration, IReadOnlyList<string> items) => configuration;

    public string Combine(IReadOnlyList<string> configurations) =>
        throw new InvalidOperationException("Sources are one grain per source id; there are no shard configurations to combine.");

    public async Task StartAsync(IGrainFactory grains, string key, string configuration, CancellationToken cancellationToken)
    {
        var settings = Parse(key, configuration);
        var source = grains.GetGrain<ISourceGrain>(key);
        await source.StartAsync(settings, cancellationToken);

        // A source an operator paused directly keeps its pause through a start; the queen's start means run.
        if ((await source.GetStatusAsync(cancellationToken)).State == TgeSourceRunState.Paused)
        {
            await source.ResumeAsync(cancellationToken);
        }
    }

    public Task StopAsync(IGrainFactory grains, string key, CancellationToken cancellationToken) =>
        grains.GetGrain<ISourceGrain>(key).RemoveAsync(cancellationToken);

    public async Task<AgentStatus> GetStatusAsync(IGrainFactory grains, string key, CancellationToken cancellationToken)
    {
        var status = await grains.GetGrain<ISourceGrain>(key).GetStatusAsync(cancellationToken);
        return status.State switch
        {
            TgeSourceRunState.Running when status.ConsecutiveErrors >= FailingAfter =>
                new AgentStatus(AgentState.Failed, $"failing: {status.LastReason}", status.Silo),
            TgeSourceRunState.Running => new AgentStatus(AgentState.Running, "polling", status.Silo),
            TgeSourceRunState.Paused => new AgentStatus(AgentState.Stopped, "paused", status.Silo),
            _ => new AgentStatus(AgentState.Stopped, "stopped", status.Silo),
        };
    }

    private static TgeSourceSettings Parse(string key, string configuration)
    {
        TgeSourceSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<TgeSourceSettings>(configuration, Json);
        }
        catch (JsonException exception)
        {
            throw new CoordinationArgumentException($"The source configuration is not valid settings JSON: {exception.Message}", "configuration");
        }

        if (settings is null || settings.Url is null)
        {
            throw new CoordinationArgumentException("The source configuration needs url, kind, minInterval and maxInterval.", "configuration");
        }

        try
        {
            SourceSettingsValidator.Validate(key, settings);
        }
        catch (ArgumentException exception)
        {
            throw new CoordinationArgumentException(ArgumentMessages.WithoutParameter(exception), exception.ParamName == "sourceId" ? "key" : "configuration");
        }

        return settings;
    }

}
