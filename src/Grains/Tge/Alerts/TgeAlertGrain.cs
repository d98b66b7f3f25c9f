using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// The alerts' consumer of <c>tge.events</c>: hands each notice to the webhook dispatcher (which never waits) and
/// keeps the latest <see cref="TgeAlertOptions.RecentNoticesKept"/> for views that poll. One activation serves the
/// cluster: every notice goes through the stream's single key, in order per event grain.
/// </summary>
[ImplicitStreamSubscription(TgeStreamNames.Events)]
internal sealed class TgeAlertGrain(TgeWebhookDispatcher dispatcher, IOptions<TgeAlertOptions> options) : Grain, ITgeAlertGrain
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

    private Task OnNoticesAsync(IReadOnlyList<TgeEventNotice> notices, StreamSequenceToken token)
    {
        foreach (var notice in notices)
        {
            dispatcher.Enqueue(notice);
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

        return Task.CompletedTask;
    }
}
