using System.Text.Json.Serialization;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>A <see cref="SourceFinding"/> as the memory coordinator stores it: camelCase, times as <c>hh:mm:ss</c> and ISO 8601.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SourceFinding))]
internal sealed partial class SourceFindingJsonContext : JsonSerializerContext;
