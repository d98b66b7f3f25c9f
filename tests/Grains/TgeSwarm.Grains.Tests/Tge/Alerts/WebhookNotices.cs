using System.Net;
using System.Net.Sockets;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>Notices and addresses for the webhook delivery tests.</summary>
internal static class WebhookNotices
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A notice of <paramref name="slug"/> at <paramref name="version"/>: created at version 1, updated after.</summary>
    public static TgeEventNotice Notice(string slug, int version, TgeKind kind = TgeKind.Listing, double confidence = 0.9)
    {
        var sighting = new TgeSighting("binance", "1", "Binance Will List " + slug, null, "en", kind, "Binance", confidence, null, T0, T0);
        var record = new TgeEvent(slug, slug.ToUpperInvariant(), null, kind, "Binance", null, confidence, sighting.Title, T0, T0, version, [sighting]);
        return new TgeEventNotice(record, version == 1 ? TgeEventChange.Created : TgeEventChange.Updated);
    }

    /// <summary>A loopback port nothing listens on (a receiver that is down), free for a receiver started on it later.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
