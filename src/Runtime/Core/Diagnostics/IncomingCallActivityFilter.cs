using System.Diagnostics;

namespace TgeSwarm.Runtime.Diagnostics;

/// <summary>Starts the server span of a call, as a child of the caller's span when the request context carries one.</summary>
internal sealed class IncomingCallActivityFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (!CallActivities.Source.HasListeners())
        {
            await context.Invoke();
            return;
        }

        ActivityContext parent = default;
        if (RequestContext.Get(CallActivities.TraceParentKey) is string traceParent)
        {
            // A malformed value from a foreign client starts a new trace instead of failing the call.
            _ = ActivityContext.TryParse(traceParent, RequestContext.Get(CallActivities.TraceStateKey) as string, isRemote: true, out parent);
        }

        using var activity = CallActivities.Source.StartActivity(CallActivities.Name(context), ActivityKind.Server, parent);
        if (activity is null)
        {
            await context.Invoke();
            return;
        }

        await CallActivities.InvokeWithinAsync(activity, context);
    }
}
