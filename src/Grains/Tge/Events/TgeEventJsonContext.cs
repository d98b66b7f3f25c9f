using System.Text.Json.Serialization;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>The <c>sightings</c> column of <c>tge_events</c>: camelCase names, kinds as their names (EVENTS.md, "Store").</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TgeSighting[]))]
internal sealed partial class TgeEventJsonContext : JsonSerializerContext;
