using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// Where the alert grain leaves notices for the webhooks: <see cref="TgeWebhookDispatcher"/> (memory lanes, the
/// embedded default) or <see cref="PostgresTgeWebhookOutbox"/> (a table every silo delivers from, when the silo has a
/// database). Delivery happens off the grain's turn either way; only the hand-over is awaited.
/// </summary>
internal interface ITgeWebhookOutbox
{
    /// <summary>
    /// Takes <paramref name="notices"/>, in order, for every webhook that wants them. Returns once they are kept as
    /// durably as this outbox keeps anything (in the table, for PostgreSQL), so the stream may acknowledge them.
    /// </summary>
    Task AddAsync(IReadOnlyList<TgeEventNotice> notices, CancellationToken cancellationToken);
}
