using System.Collections.Concurrent;

namespace TgeSwarm.Runtime.Tests.Client;

/// <summary>Records each call it sees with the result the call returned.</summary>
internal sealed class RecordingOutgoingFilter : IOutgoingGrainCallFilter
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        await context.Invoke();
        Calls.Enqueue($"{context.MethodName}={context.Result}");
    }
}
