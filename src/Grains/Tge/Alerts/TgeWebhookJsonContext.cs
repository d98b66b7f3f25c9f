using System.Text.Json.Serialization;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>Webhook bodies: a <see cref="TgeEventNotice"/> with camelCase names and enum names (EVENTS.md, "Webhooks").</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TgeEventNotice))]
internal sealed partial class TgeWebhookJsonContext : JsonSerializerContext;
