namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>The key of a URL's host guard: the host in lower case, with <c>:port</c> when the port is not the scheme's default.</summary>
internal static class HostKey
{
    public static string Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost.ToLowerInvariant();
        return url.IsDefaultPort ? host : $"{host}:{url.Port}";
    }
}
