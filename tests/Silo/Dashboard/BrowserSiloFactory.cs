using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TgeSwarm.Silo.Tests.Dashboard;

/// <summary>
/// The embedded default on a real Kestrel port of 127.0.0.1 (a browser cannot reach the in-memory test server), with a
/// known admin key and the local TGE sources as the queen's agents; no market replay, to keep the machine quiet.
/// </summary>
public sealed class BrowserSiloFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "tgs_browser-admin-key-0123456789abcdefghijklmnop";

    public BrowserSiloFactory() => UseKestrel(0);

    /// <summary>Where the silo listens, once started.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First(static a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Swarm:SiloPort", "0");
        builder.UseSetting("Swarm:SiloName", "browser-silo");
        builder.UseSetting("Market:Replay:Enabled", "false");
        builder.UseSetting("Api:AdminKey", AdminKey);
    }
}
