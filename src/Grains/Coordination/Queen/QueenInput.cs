using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>Checks of command arguments, each failure naming its field, before anything changes.</summary>
internal static class QueenInput
{
    public const int MaxKeyLength = 200;
    public const int MaxActorLength = 200;
    public const int MaxReasonLength = 1_000;
    public const int MaxConfigurationLength = 64 * 1024;

    public static void Origin(ActionOrigin origin, bool reasonRequired = false)
    {
        if (origin is null)
        {
            throw new CoordinationArgumentException("The command needs an origin (actor and reason).", "origin");
        }

        if (string.IsNullOrWhiteSpace(origin.Actor) || origin.Actor.Length > MaxActorLength)
        {
            throw new CoordinationArgumentException($"Actor must be 1..{MaxActorLength} characters.", "actor");
        }

        if (reasonRequired && string.IsNullOrWhiteSpace(origin.Reason))
        {
            throw new CoordinationArgumentException("A reason is required for this command.", "reason");
        }

        if (origin.Reason is { Length: > MaxReasonLength })
        {
            throw new CoordinationArgumentException($"Reason must be at most {MaxReasonLength} characters.", "reason");
        }
    }

    public static void Key(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength || key.Contains('/', StringComparison.Ordinal))
        {
            throw new CoordinationArgumentException($"Key must be 1..{MaxKeyLength} characters without '/'.", "key");
        }
    }

    public static void Configuration(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new CoordinationArgumentException("Configuration is required (the agent type's settings as JSON).", "configuration");
        }

        if (configuration.Length > MaxConfigurationLength)
        {
            throw new CoordinationArgumentException($"Configuration must be at most {MaxConfigurationLength} characters.", "configuration");
        }
    }

    public static string Pipeline(string pipeline) =>
        PipelineNames.All.Contains(pipeline, StringComparer.Ordinal)
            ? pipeline
            : throw new CoordinationArgumentException($"Pipeline '{pipeline}' is not known; use one of {string.Join(", ", PipelineNames.All)}.", "pipeline");
}
