using System.Diagnostics;

namespace TgeSwarm.Runtime.Diagnostics;

/// <summary>
/// How grain calls appear as OpenTelemetry spans: one client span where a call leaves a client or grain, one server
/// span where it runs, linked by W3C trace context carried in the request context (so it crosses silos like any
/// other request-context value, and a silo without a listener passes it on untouched).
/// </summary>
internal static class CallActivities
{
    /// <summary>The request-context key of the caller's span id, in W3C <c>traceparent</c> format.</summary>
    public const string TraceParentKey = "traceparent";

    /// <summary>The request-context key of the W3C <c>tracestate</c>, when the caller has one.</summary>
    public const string TraceStateKey = "tracestate";

    public static ActivitySource Source => SwarmDiagnostics.ActivitySource;

    // rpc.* semantic conventions: the span name is "service/method", with the service being the grain interface.
    public static string Name(IGrainCallContext context) => $"{context.InterfaceName}/{context.MethodName}";

    /// <summary>Runs the rest of the call inside <paramref name="activity"/>, marking it failed if the call throws.</summary>
    public static async Task InvokeWithinAsync(Activity activity, IGrainCallContext context)
    {
        Describe(activity, context);
        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            Fail(activity, exception);
            throw;
        }
    }

    private static void Describe(Activity activity, IGrainCallContext context)
    {
        activity.SetTag("rpc.system", "tgeswarm");
        activity.SetTag("rpc.service", context.InterfaceName);
        activity.SetTag("rpc.method", context.MethodName);
        activity.SetTag("tgeswarm.grain.id", context.TargetId.ToString());
        if (context.SourceId is { } source)
        {
            activity.SetTag("tgeswarm.grain.caller", source.ToString());
        }
    }

    private static void Fail(Activity activity, Exception exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }
}
