using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime;

public static class GrainCallFilterExtensions
{
    /// <summary>Adds a silo-wide incoming call filter; filters run in registration order.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Adds an outgoing call filter for calls made by this silo's grains; filters run in registration order.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Adds an outgoing call filter for calls made by this client.</summary>
    public static IClientBuilder AddOutgoingGrainCallFilter<TFilter>(this IClientBuilder builder)
        where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }
}
