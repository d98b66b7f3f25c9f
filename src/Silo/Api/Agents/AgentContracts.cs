using System.Text.Json;

namespace TgeSwarm.Silo.Api.Agents;

/// <summary><c>POST …/spawn</c>: the agent type's settings (any JSON, e.g. <c>{"instruments":["BTC-USDT"]}</c>) and why.</summary>
internal sealed record SpawnAgentRequest(JsonElement? Configuration, string? Reason);

/// <summary><c>POST …/stop</c>, <c>…/restart</c>, pipeline pause and resume, halt: why (required for a halt).</summary>
internal sealed record CommandRequest(string? Reason);

/// <summary><c>POST /api/agents/{type}/groups/{group}/scale</c>: the shard count, optionally a new group template, and why.</summary>
internal sealed record ScaleAgentsRequest(int? Shards, JsonElement? Configuration, string? Reason);
