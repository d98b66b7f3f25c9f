using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Tests.Probe;

/// <summary>Throws, inside the grain's turn, what the runtime throws when a silo dies or a call times out.</summary>
internal sealed class FailingKeysFilter : IIncomingGrainCallFilter
{
    public const string UnavailablePrefix = "unavailable-";
    public const string TimeoutPrefix = "timeout-";
    public const string BrokenPrefix = "broken-";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var key = context.TargetId.Key;
        if (key.StartsWith(UnavailablePrefix, StringComparison.Ordinal))
        {
            throw new SiloUnavailableException($"Silo S127.0.0.1:11112:1 hosting probecounter/{key} was declared dead.");
        }

        if (key.StartsWith(TimeoutPrefix, StringComparison.Ordinal))
        {
            throw new TimeoutException($"probecounter/{key}.IncrementAsync timed out after 30 s.");
        }

        if (key.StartsWith(BrokenPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"probecounter/{key} is broken.");
        }

        return context.Invoke();
    }
}
