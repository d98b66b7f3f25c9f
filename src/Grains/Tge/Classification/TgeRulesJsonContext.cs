using System.Text.Json.Serialization;

namespace TgeSwarm.Grains.Tge.Classification;

// Unknown members are errors so a misspelt field ("paterns") fails the load instead of silently doing nothing.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TgeRules))]
internal sealed partial class TgeRulesJsonContext : JsonSerializerContext;
