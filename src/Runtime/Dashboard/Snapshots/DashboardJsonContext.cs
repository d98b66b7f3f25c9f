using System.Text.Json.Serialization;

namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>Compile-time JSON for what the page reads: no reflection on the sampling path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DashboardSnapshot))]
[JsonSerializable(typeof(DashboardSession))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
