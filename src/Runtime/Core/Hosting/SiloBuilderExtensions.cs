using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Configures <typeparamref name="TOptions"/> for this silo.</summary>
    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds services to the silo's container.</summary>
    public static ISiloBuilder ConfigureServices(this ISiloBuilder builder, Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Services);
        return builder;
    }

    internal static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services)
        where TOptions : class =>
        services.AddOptions<TOptions>().ValidateOnStart();
}
