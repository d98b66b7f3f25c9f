using System.Diagnostics;

namespace TgeSwarm.Runtime.Diagnostics;

/// <summary>
/// Starts the client span of a call and hands its id to the callee in the request context. Without a listener no
/// span is made, but an ambient activity (an HTTP request's, say) is still handed on so the callee's span joins
/// that trace.
/// </summary>
internal sealed class OutgoingCallActivityFilter : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        using var activity = CallActivities.Source.StartActivity(CallActivities.Name(context), ActivityKind.Client);
        if ((activity ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } parent)
        {
            // The request captured its context before the filters ran, so the span id goes into the request itself.
            var data = (context.Request.CallContext ?? CallContextData.Empty).With(CallActivities.TraceParentKey, parent.Id!);
            if (parent.TraceStateString is { Length: > 0 } state)
            {
                data = data.With(CallActivities.TraceStateKey, state);
            }

            context.Request.CallContext = data;
        }

        if (activity is null)
        {
            await context.Invoke();
            return;
        }

        await CallActivities.InvokeWithinAsync(activity, context);
    }
}
