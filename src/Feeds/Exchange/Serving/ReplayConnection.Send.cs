using System.Net.WebSockets;
using TgeSwarm.Feeds.Exchange.Faults;
using TgeSwarm.Feeds.Exchange.Frames;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Exchange.Subscriptions;

namespace TgeSwarm.Feeds.Exchange.Serving;

internal sealed partial class ReplayConnection
{
    private FaultInjector? _faults;
    private long _started;
    private TimeSpan _silences;
    private long _frameCounter;

    /// <summary>
    /// Sends what the <see cref="ScriptPlayer"/> lays out, pass after pass (one pass without looping). A frame is due
    /// at its planned time divided by the speed, plus every silence injected so far, on the injected clock; at speed 0
    /// nothing waits. Ends at the end of the recording, or when a fault closes the connection.
    /// </summary>
    private async Task<Ending> ReplayAsync(ReplayScript script, CancellationToken cancellationToken)
    {
        var options = _server.Options;
        _faults = new FaultInjector(options.Faults, Venue, _ordinal, options.Seed);
        _started = _server.Time.GetTimestamp();
        var player = new ScriptPlayer(script, CurrentPass);
        var pass = -1L;
        foreach (var frame in player.Frames(options.Loop))
        {
            if (frame.Pass != pass)
            {
                pass = frame.Pass;
                Interlocked.Exchange(ref _pass, pass);
                _counters.PassStarted();
            }

            if (!await SendFrameAsync(player, frame, cancellationToken))
            {
                return Closed();
            }
        }

        ExchangeLog.RecordingEnded(_server.Logger, Venue, Id, _counters.Frames);
        if (options.KeepOpenAtEnd)
        {
            // Until the client closes (cancelling this) or the exchange stops.
            await Task.Delay(Timeout.InfiniteTimeSpan, _server.Time, cancellationToken);
        }

        return new Ending(WebSocketCloseStatus.NormalClosure, "end of recording");
    }

    /// <summary>Sends one frame unless its subscription is off or a fault drops it; false when a fault closes the connection.</summary>
    private async ValueTask<bool> SendFrameAsync(ScriptPlayer player, PlannedFrame planned, CancellationToken cancellationToken)
    {
        ApplySubscriptionChanges(player.Script);
        if (!player.Script.IsEnabled(planned.Step.KeyIndex))
        {
            return true;
        }

        await PaceAsync(planned.DueMicros, cancellationToken);
        var frame = planned.Step.Frame;
        var faults = _faults!.Before(frame.Kind, frame.HasQuantity);
        // Numbered before a drop, so a dropped frame leaves the gap a client must see.
        var ordinal = _frameCounter++;
        if (faults.Drop)
        {
            Injected(ReplayFaultKind.DropDelta, planned.Pass);
            return true;
        }

        var corrupt = faults.Corruption is not null && frame.HasQuantity;
        var bytes = player.Render(planned, ordinal, corrupt ? faults.Corruption : null);
        if (corrupt)
        {
            Injected(ReplayFaultKind.CorruptQuantity, planned.Pass);
        }

        await SendAsync(bytes, cancellationToken);
        _counters.FrameSent();
        TrackDepthId(frame, planned.Step.KeyIndex, planned.Pass);
        if (faults.Duplicate)
        {
            Injected(ReplayFaultKind.DuplicateFrame, planned.Pass);
            await SendAsync(bytes, cancellationToken);
            _counters.FrameSent();
        }

        if (_faults.CloseAfter())
        {
            Injected(ReplayFaultKind.Close, planned.Pass);
            return false;
        }

        var silence = _faults.SilenceAfter();
        if (silence > TimeSpan.Zero)
        {
            // Silent and timed from before the fault is reported, so whoever reacts to the report sees both.
            _silent = true;
            var silentUntil = _server.Time.After(_server.Time.GetTimestamp(), silence);
            Injected(ReplayFaultKind.Silence, planned.Pass);
            try
            {
                await _server.Time.DelayUntilAsync(silentUntil, cancellationToken);
            }
            finally
            {
                _silent = false;
            }

            _silences += silence;
        }

        return true;
    }

    private async ValueTask PaceAsync(long dueMicros, CancellationToken cancellationToken)
    {
        var speed = _server.Options.Speed;
        if (speed > 0)
        {
            var due = TimeSpan.FromMicroseconds(dueMicros / speed) + _silences;
            await _server.Time.DelayUntilAsync(_server.Time.After(_started, due), cancellationToken);
        }
    }

    /// <summary>Subscribes and unsubscribes that arrive while the replay runs switch their frames on or off from the next frame.</summary>
    private void ApplySubscriptionChanges(ReplayScript script)
    {
        while (_subscriptions.Reader.TryRead(out var message))
        {
            foreach (var key in message.Keys)
            {
                var subscribe = message.Kind == ClientMessageKind.Subscribe;
                var known = subscribe ? script.Enable(key) : script.Disable(key);
                ExchangeLog.LateSubscription(_server.Logger, Venue, Id, subscribe ? "subscribed" : "unsubscribed", key,
                    !known ? "the recordings served to this connection do not have it; ignored"
                    : subscribe ? "its frames resume from here (no snapshot until the next pass)" : "its frames stop");
            }
        }
    }

    /// <summary>Binance: the last depth <c>u</c> sent per stream, which decides the pass of a REST snapshot.</summary>
    private void TrackDepthId(FrameTemplate frame, int keyIndex, long pass)
    {
        if (keyIndex < 0 || frame.Kind != FrameKind.BookDelta || Venue != Venue.Binance)
        {
            return;
        }

        var last = -1L;
        foreach (var slot in frame.Slots)
        {
            if (slot.Kind == SlotKind.Id)
            {
                last = Math.Max(last, slot.Value + (pass * frame.Classes.Span(slot.IdClass)));
            }
        }

        Interlocked.Exchange(ref _lastIds[keyIndex], last);
    }

    private void Injected(ReplayFaultKind kind, long pass)
    {
        _counters.Fault(kind);
        ExchangeLog.FaultInjected(_server.Logger, Venue, Id, kind, _faults!.FrameNumber, pass);
    }

    private Ending Closed() => new(WebSocketCloseStatus.EndpointUnavailable, $"replay fault: closed after {_faults!.FrameNumber} frames");
}
