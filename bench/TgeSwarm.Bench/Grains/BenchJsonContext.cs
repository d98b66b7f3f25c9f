using System.Text.Json.Serialization;

namespace TgeSwarm.Bench.Grains;

/// <summary>Source-generated System.Text.Json metadata: the fairest JSON baseline (no reflection on the per-op path).</summary>
[JsonSerializable(typeof(Trade))]
[JsonSerializable(typeof(WriterState))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
