using System.Net;
using System.Net.Sockets;

namespace TgeSwarm.EndToEnd.Tests.Cluster;

/// <summary>
/// Picks a base port for deploy/local-cluster.sh whose whole layout (P..P+2, P+10+i, P+50+i) is free right now, so
/// runs beside each other or beside a hand-started cluster do not collide. The script checks again and fails loudly
/// if something took a port in between.
/// </summary>
internal static class FreePortRange
{
    private const int Attempts = 50;

    public static int PickBasePort(int silos)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var basePort = Random.Shared.Next(20_000, 60_000);
            if (LayoutOf(basePort, silos).All(IsFree))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException($"No free port layout for {silos} silos found in {Attempts} attempts on 127.0.0.1.");
    }

    private static IEnumerable<int> LayoutOf(int basePort, int silos) =>
        [basePort, basePort + 1, basePort + 2, .. Enumerable.Range(1, silos).SelectMany(i => new[] { basePort + 10 + i, basePort + 50 + i })];

    private static bool IsFree(int port)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }
}
