namespace TgeSwarm.Runtime.Hosting;

public static class ClientBuilderExtensions
{
    /// <summary>Configures <typeparamref name="TOptions"/> for this client.</summary>
    public static IClientBuilder Configure<TOptions>(this IClientBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure(builder.Services, configure);
        return builder;
    }
}
