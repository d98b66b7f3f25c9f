using System.Net;
using System.Net.Sockets;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>Free TCP ports on 127.0.0.1, asked of the kernel (a fixed port would collide with other engineers' runs).</summary>
internal static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
