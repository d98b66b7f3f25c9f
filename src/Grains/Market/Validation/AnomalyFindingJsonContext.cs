using System.Text.Json.Serialization;

namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// An <see cref="AnomalyFinding"/> as the memory coordinator stores it: camelCase, the time as ISO 8601. Every field
/// is required, so a value of another shape fails to read instead of defaulting a missing median to 0.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AnomalyFinding))]
internal sealed partial class AnomalyFindingJsonContext : JsonSerializerContext;
