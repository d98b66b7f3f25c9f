using System.Net.WebSockets;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Exchange.Subscriptions;

namespace TgeSwarm.Feeds.Exchange.Serving;

internal sealed partial class ReplayConnection
{
    private const int KeysInCloseReason = 3;

    /// <summary>
    /// Waits until the client's subscriptions select what to replay: at once when they are everything recorded at the
    /// path (or, for Binance, when the URL named them), otherwise once no subscribe has come for
    /// <see cref="ReplayExchangeOptions.SubscribeSettle"/>. A key the recording does not have ends the
    /// connection (1008, naming it), and so does no subscription within <see cref="ReplayExchangeOptions.SubscribeTimeout"/>.
    /// </summary>
    private async Task<(ReplayScript? Script, Ending? Ending)> SubscribeAsync(CancellationToken cancellationToken)
    {
        var matcher = new SubscriptionMatcher(_candidates);
        var protocol = _server.Venue.Protocol;
        var named = protocol.SubscribesByUrl ? protocol.KeysFromQuery(_query) : [];
        if (named.Count > 0)
        {
            // Binance: the URL is the whole subscription; a URL without streams subscribes by message instead.
            var unknown = matcher.Add(named);
            return unknown.Count > 0 ? (null, Mismatch(matcher, unknown)) : (Start(matcher), null);
        }

        var time = _server.Time;
        var deadline = time.After(_acceptedAt, _server.Options.SubscribeTimeout);
        long? settled = null;
        var pending = _subscriptions.Reader.WaitToReadAsync(cancellationToken).AsTask();
        while (!matcher.IsComplete)
        {
            using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var elapsed = time.DelayUntilAsync(Math.Min(deadline, settled ?? long.MaxValue), timer.Token);
                if (await Task.WhenAny(pending, elapsed) == elapsed)
                {
                    await elapsed;
                    if (settled is not null && matcher.Subscribed.Count > 0)
                    {
                        break;
                    }

                    _server.Counters.SubscribeTimeout();
                    ExchangeLog.SubscribeTimeout(_server.Logger, Venue, Id, _counters.Path, _server.Options.SubscribeTimeout);
                    return (null, new Ending(WebSocketCloseStatus.PolicyViolation, $"no subscription within {_server.Options.SubscribeTimeout.TotalSeconds:0.###} s; recorded: {matcher.Recorded(KeysInCloseReason)}"));
                }

                await timer.CancelAsync();
            }

            if (!await pending)
            {
                return (null, new Ending(WebSocketCloseStatus.NormalClosure, "client closed before subscribing"));
            }

            while (_subscriptions.Reader.TryRead(out var message))
            {
                if (message.Kind == ClientMessageKind.Unsubscribe)
                {
                    matcher.Remove(message.Keys);
                    continue;
                }

                var unknown = matcher.Add(message.Keys);
                if (unknown.Count > 0)
                {
                    return (null, Mismatch(matcher, unknown));
                }

                settled = time.After(time.GetTimestamp(), _server.Options.SubscribeSettle);
            }

            pending = _subscriptions.Reader.WaitToReadAsync(cancellationToken).AsTask();
        }

        return (Start(matcher), null);
    }

    private ReplayScript Start(SubscriptionMatcher matcher)
    {
        var selected = matcher.Selected;
        var script = new ReplayScript(_server.Venue, selected, matcher.Subscribed);
        Interlocked.Exchange(ref _pass, _server.StartPass());
        _counters.Serving(selected.Select(static c => c.Id));
        ExchangeLog.ReplayStarted(_server.Logger, Venue, Id, string.Join(", ", selected.Select(static c => c.Id)), CurrentPass, matcher.Subscribed.Count);
        return script;
    }

    private Ending Mismatch(SubscriptionMatcher matcher, List<string> unknown)
    {
        _server.Counters.SubscribeMismatch();
        var recorded = matcher.Recorded(int.MaxValue);
        ExchangeLog.SubscribeMismatch(_server.Logger, Venue, Id, _counters.Path, string.Join(", ", unknown), recorded);
        var shown = unknown.Count <= KeysInCloseReason ? string.Join(", ", unknown) : $"{string.Join(", ", unknown.Take(KeysInCloseReason))} and {unknown.Count - KeysInCloseReason} more";
        return new Ending(WebSocketCloseStatus.PolicyViolation, $"subscribe mismatch: not in the recording: {shown}");
    }
}
