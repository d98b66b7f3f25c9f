using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>Throws, inside a memory grain's turn, what the runtime throws when a silo dies or a call times out.</summary>
internal sealed class FailingNamespacesFilter : IIncomingGrainCallFilter
{
    public const string UnavailablePrefix = "unavailable-";
    public const string TimeoutPrefix = "timeout-";
    public const string BrokenPrefix = "broken-";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var ns = context.TargetId.Key;
        if (ns.StartsWith(UnavailablePrefix, StringComparison.Ordinal))
        {
            throw new SiloUnavailableException($"Silo S127.0.0.1:11112:1 hosting memory/{ns} was declared dead.");
        }

        if (ns.StartsWith(TimeoutPrefix, StringComparison.Ordinal))
        {
            throw new TimeoutException($"memory/{ns}.SetAsync timed out after 30 s.");
        }

        if (ns.StartsWith(BrokenPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"memory/{ns} is broken.");
        }

        return context.Invoke();
    }
}
