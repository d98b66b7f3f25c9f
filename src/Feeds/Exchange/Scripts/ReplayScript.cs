namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>
/// What one client connection is replayed: the frames of the recorded connections its subscriptions selected,
/// merged in recorded time order. Frames owned by a subscription go out while the client holds it (a later
/// subscribe or unsubscribe switches them on or off); frames no subscription owns (acks, heartbeats, status) come
/// from the first selected connection only, so a client served two recorded Kraken connections gets one heartbeat
/// stream. Passes after the first open with the <see cref="Prologue"/> (Binance book resets).
/// Subscriptions change from the connection's receive loop while its send loop reads them: each flag is one
/// volatile bool.
/// </summary>
internal sealed class ReplayScript
{
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly bool[] _enabled;

    public ReplayScript(PreparedVenue venue, IReadOnlyList<PreparedConnection> selected, IReadOnlyCollection<string> subscribed)
    {
        Venue = venue;
        Connections = selected;
        foreach (var connection in selected)
        {
            foreach (var key in connection.Keys.Order(StringComparer.Ordinal))
            {
                _keys.TryAdd(key, _keys.Count);
            }
        }

        _enabled = new bool[_keys.Count];
        foreach (var key in subscribed)
        {
            Enable(key);
        }

        var merged = new List<(ScriptStep Step, int Connection, int Index)>();
        for (var c = 0; c < selected.Count; c++)
        {
            var frames = selected[c].Frames;
            for (var i = 0; i < frames.Count; i++)
            {
                var owned = selected[c].Owns(frames[i].Key);
                if (owned || c == 0)
                {
                    merged.Add((new ScriptStep(frames[i], 0, owned ? _keys[frames[i].Key!] : -1), c, i));
                }
            }
        }

        merged.Sort(static (a, b) => a.Step.Frame.Micros != b.Step.Frame.Micros ? a.Step.Frame.Micros.CompareTo(b.Step.Frame.Micros)
            : a.Connection != b.Connection ? a.Connection.CompareTo(b.Connection) : a.Index.CompareTo(b.Index));
        StartMicros = merged.Count > 0 ? merged[0].Step.Frame.Micros : 0;
        Steps = [.. merged.Select(m => m.Step with { OffsetMicros = m.Step.Frame.Micros - StartMicros })];
        Prologue = [.. venue.BookResets
            .Where(r => r.Frame is not null && selected.Contains(r.Connection))
            .Select(r => new ScriptStep(r.Frame!, 0, _keys[r.Key]))];
    }

    public PreparedVenue Venue { get; }

    public IReadOnlyList<PreparedConnection> Connections { get; }

    public IReadOnlyList<ScriptStep> Steps { get; }

    /// <summary>Frames that open every pass after the first, before <see cref="Steps"/>.</summary>
    public IReadOnlyList<ScriptStep> Prologue { get; }

    /// <summary>Recorded time of the first frame, UTC microseconds.</summary>
    public long StartMicros { get; }

    public long PassPeriodMicros => Venue.PassPeriodMicros;

    public IReadOnlyCollection<string> Keys => _keys.Keys;

    /// <summary>Whether the client holds the subscription a step needs (always for steps no subscription owns).</summary>
    public bool IsEnabled(int keyIndex) => keyIndex < 0 || Volatile.Read(ref _enabled[keyIndex]);

    public int IndexOf(string key) => _keys.TryGetValue(key, out var index) ? index : -1;

    /// <summary>Switches a subscription's frames on; false when the selected recordings do not have it.</summary>
    public bool Enable(string key) => Set(key, true);

    public bool Disable(string key) => Set(key, false);

    private bool Set(string key, bool enabled)
    {
        if (!_keys.TryGetValue(key, out var index))
        {
            return false;
        }

        Volatile.Write(ref _enabled[index], enabled);
        return true;
    }
}
