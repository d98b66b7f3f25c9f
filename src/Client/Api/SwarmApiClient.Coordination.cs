using System.Globalization;
using System.Text.Json;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Client.Api;

/// <summary>The queen's registry and commands, pipelines, tasks and the memory coordinator.</summary>
public sealed partial class SwarmApiClient
{
    public Task<IReadOnlyList<AgentInfo>> ListAgentsAsync(string? type = null, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<AgentInfo>>(HttpMethod.Get, "api/agents" + Query(("type", type)), null, cancellationToken);

    public Task<IReadOnlyList<AgentTypeInfo>> GetAgentTypesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<AgentTypeInfo>>(HttpMethod.Get, "api/agents/types", null, cancellationToken);

    public Task<AgentInfo> GetAgentAsync(string type, string key, CancellationToken cancellationToken = default) =>
        SendAsync<AgentInfo>(HttpMethod.Get, $"api/agents/{Segment(type)}/{Segment(key)}", null, cancellationToken);

    /// <summary>Registers and starts an agent; <paramref name="configurationJson"/> is the agent type's settings, a JSON object.</summary>
    public Task<AgentInfo> SpawnAgentAsync(string type, string key, string configurationJson, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<AgentInfo>(
            HttpMethod.Post,
            $"api/agents/{Segment(type)}/{Segment(key)}/spawn",
            new { configuration = Json(configurationJson), reason },
            cancellationToken);

    public Task<AgentInfo> StopAgentAsync(string type, string key, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<AgentInfo>(HttpMethod.Post, $"api/agents/{Segment(type)}/{Segment(key)}/stop", new { reason }, cancellationToken);

    public Task<AgentInfo> RestartAgentAsync(string type, string key, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<AgentInfo>(HttpMethod.Post, $"api/agents/{Segment(type)}/{Segment(key)}/restart", new { reason }, cancellationToken);

    /// <summary>Scales a sharded type's group to <paramref name="shards"/>; <paramref name="configurationJson"/>, when given, is the group's new template.</summary>
    public Task<ScaleResult> ScaleAgentsAsync(string type, string group, int shards, string? configurationJson = null, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<ScaleResult>(
            HttpMethod.Post,
            $"api/agents/{Segment(type)}/groups/{Segment(group)}/scale",
            new { shards, configuration = configurationJson is null ? (JsonElement?)null : Json(configurationJson), reason },
            cancellationToken);

    public Task<SwarmHealth> GetSwarmHealthAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SwarmHealth>(HttpMethod.Get, "api/swarm/health", null, cancellationToken);

    public Task<QueenActionPage> GetQueenActionsAsync(int? limit = null, long? before = null, CancellationToken cancellationToken = default) =>
        SendAsync<QueenActionPage>(
            HttpMethod.Get,
            "api/swarm/actions" + Query(("limit", Number(limit)), ("cursor", before?.ToString(CultureInfo.InvariantCulture))),
            null,
            cancellationToken);

    public Task<IReadOnlyList<TaskGroup>> GetTaskDistributionAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<TaskGroup>>(HttpMethod.Get, "api/tasks", null, cancellationToken);

    public Task<IReadOnlyList<PipelineStatus>> ListPipelinesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<PipelineStatus>>(HttpMethod.Get, "api/pipelines", null, cancellationToken);

    public Task<PipelineStatus> PausePipelineAsync(string pipeline, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<PipelineStatus>(HttpMethod.Post, $"api/pipelines/{Segment(pipeline)}/pause", new { reason }, cancellationToken);

    public Task<PipelineStatus> ResumePipelineAsync(string pipeline, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync<PipelineStatus>(HttpMethod.Post, $"api/pipelines/{Segment(pipeline)}/resume", new { reason }, cancellationToken);

    /// <summary>The kill switch: pauses every pipeline and stops every agent; <paramref name="reason"/> is required.</summary>
    public Task<SwarmHealth> HaltAsync(string reason, CancellationToken cancellationToken = default) =>
        SendAsync<SwarmHealth>(HttpMethod.Post, "api/swarm/halt", new { reason }, cancellationToken);

    public Task<MemoryPage> ListMemoryAsync(string memoryNamespace, string? prefix = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        SendAsync<MemoryPage>(
            HttpMethod.Get,
            $"api/memory/{Segment(memoryNamespace)}" + Query(("prefix", prefix), ("limit", Number(limit)), ("cursor", cursor)),
            null,
            cancellationToken);

    public Task<MemoryEntry> GetMemoryAsync(string memoryNamespace, string key, CancellationToken cancellationToken = default) =>
        SendAsync<MemoryEntry>(HttpMethod.Get, $"api/memory/{Segment(memoryNamespace)}/{Segment(key)}", null, cancellationToken);

    /// <summary>Writes <paramref name="valueJson"/> (any JSON value); <paramref name="expectedVersion"/> 0 means "must not exist yet".</summary>
    public Task<MemoryWritten> SetMemoryAsync(
        string memoryNamespace, string key, string valueJson, TimeSpan? ttl = null, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        SendAsync<MemoryWritten>(
            HttpMethod.Put,
            $"api/memory/{Segment(memoryNamespace)}/{Segment(key)}",
            new { value = Json(valueJson), ttlSeconds = ttl?.TotalSeconds, expectedVersion },
            cancellationToken);

    public Task RemoveMemoryAsync(string memoryNamespace, string key, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Delete,
            $"api/memory/{Segment(memoryNamespace)}/{Segment(key)}" + Query(("expectedVersion", expectedVersion?.ToString(CultureInfo.InvariantCulture))),
            null,
            cancellationToken);

    // A parsed copy that owns its memory, so it outlives this call until the content is written at send time.
    private static JsonElement Json(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
