using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Hosting;

public static class ActivityPropagationExtensions
{
    /// <summary>
    /// Traces grain calls on this silo: a server span for every call its grains run and a client span for every
    /// call they make, on the <see cref="SwarmDiagnostics.ActivitySourceName"/> source, linked across silos and
    /// clients by W3C trace context in the request context. Register it before other filters so its spans enclose
    /// theirs. Without a listener (an OpenTelemetry tracer provider, say) it costs one check per call.
    /// </summary>
    public static ISiloBuilder AddActivityPropagation(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddIncomingGrainCallFilter<IncomingCallActivityFilter>();
        builder.AddOutgoingGrainCallFilter<OutgoingCallActivityFilter>();
        return builder;
    }

    /// <summary>Traces the calls this client makes (client spans) and hands the trace on to the silos that run them.</summary>
    public static IClientBuilder AddActivityPropagation(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOutgoingGrainCallFilter<OutgoingCallActivityFilter>();
        return builder;
    }
}
