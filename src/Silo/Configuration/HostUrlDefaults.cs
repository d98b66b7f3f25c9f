namespace TgeSwarm.Silo.Configuration;

internal static class HostUrlDefaults
{
    public const string EmbeddedDefault = "http://127.0.0.1:8080";

    /// <summary>
    /// Listens on <see cref="EmbeddedDefault"/> unless <c>Urls</c>, <c>ASPNETCORE_URLS</c>, <c>--urls</c>, the http(s)
    /// ports or Kestrel endpoints say otherwise. The default lives here and not in appsettings.json because a
    /// <c>Urls</c> there outranks <c>ASPNETCORE_URLS</c>, which would then be silently ignored.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrlsUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(EmbeddedDefault);
        }

        return builder;
    }
}
