using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// The alerts' consumer of <c>tge.events</c>: leaves each batch of notices in the webhook outbox and keeps the latest
/// <see cref="TgeAlertOptions.RecentNoticesKept"/> for views that poll. One activation serves the cluster: every
/// notice goes through the stream's single key, in order per event grain. The outbox write is awaited before the
/// handler returns, so the stream acknowledges only notices the outbox holds (with PostgreSQL: committed rows that
/// any silo delivers); delivery itself never runs in the grain's turn.
/// </summary>
[ImplicitStreamSubscription(TgeStreamNames.Events)]
internal sealed class TgeAlertGrain(ITgeWebhookOutbox outbox, IOptions<TgeAlertOptions> options) : Grain, ITgeAlertGrain
{
    private readonly Queue<TgeEventNotice> _recent = new();
    private readonly int _kept = options.Value.RecentNoticesKept;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.GetStreamProvider(TgeStreamNames.Provider)
            .GetStream<TgeEventNotice>(StreamId.Create(TgeStreamNames.Events, this.GetPrimaryKeyString()))
            .SubscribeBatchAsync(OnNoticesAsync);

    public Task<IReadOnlyList<TgeEventNotice>> GetRecentAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        IReadOnlyList<TgeEventNotice> recent = [.. _recent.Skip(Math.Max(0, _recent.Count - max))];
        return Task.FromResult(recent);
    }

    private async Task OnNoticesAsync(IReadOnlyList<TgeEventNotice> notices, StreamSequenceToken token)
    {
        // Stored first: a failed write fails the batch, which the stream retries, without the notices counting as seen.
        await outbox.AddAsync(notices, CancellationToken.None);
        foreach (var notice in notices)
        {
            if (_kept == 0)
            {
                continue;
            }

            if (_recent.Count == _kept)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(notice);
        }
    }
}
