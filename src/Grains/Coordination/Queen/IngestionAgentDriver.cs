using System.Text.Json;
using System.Text.Json.Serialization;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Ingestion;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// Drives ingestion shards (<see cref="IIngestionGrain"/>, keys <c>venue#n</c>, grouped by venue): the configuration is
/// <see cref="IngestionShardSettings"/> as JSON (camelCase: <c>venue</c>, <c>webSocketUrl</c>, <c>restUrl</c>,
/// <c>instruments</c>, <c>trades</c>, <c>books</c>, <c>bookDepth</c>, <c>tradeChannel</c>) and the task items are the
/// instruments. A shard streaming is running; connecting or subscribing is pending; a shard in backoff (its venue
/// refuses or drops it) or whose loop died is failed, so the health monitor restarts it.
/// </summary>
internal sealed class IngestionAgentDriver : IAgentDriver
{
    public const string Type = AgentTypes.Ingestion;

    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public AgentTypeInfo Info { get; } = new(Type, PipelineNames.Market, Sharded: true, TaskItems: "instruments");

    public string? GroupOf(string key) => ShardKeys.GroupOf(key, "Ingestion shard keys are venue#shard (e.g. binance#0)");

    public string ShardKey(string group, int index) => ShardKeys.Of(group, index);

    public string Normalize(string key, string configuration) => JsonSerializer.Serialize(Parse(key, configuration), Json);

    public IReadOnlyList<string> TaskItemsOf(string configuration) => Deserialize(configuration).Instruments;

    public string WithTaskItems(string configuration, IReadOnlyList<string> items) =>
        JsonSerializer.Serialize(Deserialize(configuration) with { Instruments = items }, Json);

    /// <summary>The first shard's settings with every shard's instruments (ordinal order, each once).</summary>
    public string Combine(IReadOnlyList<string> configurations) =>
        WithTaskItems(configurations[0], [.. configurations.SelectMany(TaskItemsOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public async Task StartAsync(IGrainFactory grains, string key, string configuration, CancellationToken cancellationToken)
    {
        var settings = Parse(key, configuration);
        try
        {
            await grains.GetGrain<IIngestionGrain>(key).StartAsync(settings, cancellationToken);
        }
        catch (ArgumentException exception) when (exception is not CoordinationArgumentException)
        {
            // The shard re-checks what Parse checked; if it still refuses, report it against the configuration field.
            throw new CoordinationArgumentException(exception.Message, "configuration");
        }
    }

    public Task StopAsync(IGrainFactory grains, string key, CancellationToken cancellationToken) =>
        grains.GetGrain<IIngestionGrain>(key).StopAsync(cancellationToken);

    public async Task<AgentStatus> GetStatusAsync(IGrainFactory grains, string key, CancellationToken cancellationToken)
    {
        var status = await grains.GetGrain<IIngestionGrain>(key).GetStatusAsync(cancellationToken);
        var state = status.State switch
        {
            "streaming" => AgentState.Running,
            "connecting" or "subscribing" => AgentState.Pending,
            "stopped" => AgentState.Stopped,
            _ => AgentState.Failed,
        };
        return new AgentStatus(state, status.State, status.Silo);
    }

    private static IngestionShardSettings Parse(string key, string configuration)
    {
        var settings = Deserialize(configuration);
        try
        {
            IngestionSettingsValidator.Validate(key, settings);
        }
        catch (ArgumentException exception)
        {
            throw new CoordinationArgumentException(ArgumentMessages.WithoutParameter(exception), "configuration");
        }

        return settings;
    }

    private static IngestionShardSettings Deserialize(string configuration)
    {
        IngestionShardSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<IngestionShardSettings>(configuration, Json);
        }
        catch (JsonException exception)
        {
            throw new CoordinationArgumentException($"The ingestion configuration is not valid settings JSON: {exception.Message}", "configuration");
        }

        if (settings is null || string.IsNullOrEmpty(settings.Venue) || settings.WebSocketUrl is null)
        {
            throw new CoordinationArgumentException("The ingestion configuration needs venue, webSocketUrl and instruments.", "configuration");
        }

        return settings;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
