using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Streams;

/// <summary>Settings of one memory stream provider (named options, by provider name).</summary>
public sealed class MemoryStreamOptions
{
    /// <summary>
    /// Most events a consumer receives in one turn. Events queued behind each other are coalesced up to this size,
    /// so a producer sending one event at a time still reaches consumers in batches under load.
    /// </summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>
    /// Most events queued per stream on a producing silo. A producer that would exceed it waits (backpressure);
    /// a single batch larger than this is accepted only into an empty queue.
    /// </summary>
    public int MaxQueuedEvents { get; set; } = 16_384;

    /// <summary>An idle stream queue is retired after this long (Orleans' StreamInactivityPeriod default: 30 min).</summary>
    public TimeSpan StreamInactivityPeriod { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a producing queue re-reads the stream's subscriptions, bounding staleness after a lost notification.</summary>
    public TimeSpan PubSubRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class MemoryStreamOptionsValidator : IValidateOptions<MemoryStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoryStreamOptions options)
    {
        var errors = new List<string>();
        if (options.MaxBatchSize < 1)
        {
            errors.Add($"MemoryStreamOptions.MaxBatchSize of provider '{name}' must be at least 1; it is {options.MaxBatchSize}.");
        }

        if (options.MaxQueuedEvents < options.MaxBatchSize)
        {
            errors.Add($"MemoryStreamOptions.MaxQueuedEvents of provider '{name}' ({options.MaxQueuedEvents}) must be at least MaxBatchSize ({options.MaxBatchSize}).");
        }

        if (options.StreamInactivityPeriod <= TimeSpan.Zero)
        {
            errors.Add($"MemoryStreamOptions.StreamInactivityPeriod of provider '{name}' must be positive.");
        }

        if (options.PubSubRefreshPeriod <= TimeSpan.Zero)
        {
            errors.Add($"MemoryStreamOptions.PubSubRefreshPeriod of provider '{name}' must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
