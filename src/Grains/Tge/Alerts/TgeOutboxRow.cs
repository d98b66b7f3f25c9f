using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>One claimed outbox row: a notice for one webhook, its exact body and the tries it has had.</summary>
internal sealed record TgeOutboxRow(long Id, string TokenSlug, int Version, TgeEventChange Change, string Body, int Attempts)
{
    public string Delivery => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{TokenSlug}/{Version}");
}
