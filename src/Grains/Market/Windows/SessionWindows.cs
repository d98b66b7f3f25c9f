using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Windows;

/// <summary>
/// Session windows over the bars of every venue: a bar [s, e) joins a session [S, E) when the idle time between
/// them is under the gap (s &lt; E + gap and S &lt; e + gap). A bar that joins several sessions (it arrived late, into the
/// gap between them) merges them into one. A session is emitted once the watermark reaches E + gap, when no bar on
/// time can join it any more. Sessions are disjoint and kept in start order, so they are in end order too.
/// </summary>
internal sealed class SessionWindows
{
    private readonly List<WindowAggregate> _sessions = [];
    private readonly WindowAggregatePool _pool;
    private readonly string _instrument;
    private readonly long _gap;
    private readonly long _barMicros;

    public SessionWindows(string instrument, string name, long gapMicros, long barMicros, WindowAggregatePool pool)
    {
        _instrument = instrument;
        Name = name;
        _gap = gapMicros;
        _barMicros = barMicros;
        _pool = pool;
    }

    public string Name { get; }

    public void Add(Bar bar)
    {
        var start = bar.OpenTime;
        var end = start + _barMicros;

        // The sessions the bar touches are contiguous: [first, last].
        var last = _sessions.Count - 1;
        while (last >= 0 && _sessions[last].Start >= end + _gap)
        {
            last--;
        }

        var first = last;
        while (first >= 0 && _sessions[first].End + _gap > start)
        {
            first--;
        }

        first++;
        if (first > last)
        {
            var session = _pool.Rent();
            session.Start = start;
            session.End = end;
            session.Add(bar);
            _sessions.Insert(last + 1, session);
            return;
        }

        var target = _sessions[first];
        for (var i = first + 1; i <= last; i++)
        {
            var other = _sessions[i];
            target.Merge(other);
            target.End = Math.Max(target.End, other.End);
            // The merged session replaces every emission of its parts, so it continues the highest revision.
            target.Emissions = Math.Max(target.Emissions, other.Emissions);
            _pool.Return(other);
        }

        if (last > first)
        {
            _sessions.RemoveRange(first + 1, last - first);
        }

        target.Start = Math.Min(target.Start, start);
        target.End = Math.Max(target.End, end);
        target.Add(bar);
    }

    /// <summary>
    /// Emits the sessions the watermark closed (E + gap ≤ watermark) that hold bars not emitted yet, then releases
    /// those that no accepted late bar can reach any more (E + gap ≤ <paramref name="releaseBefore"/>).
    /// </summary>
    public void Fire(long watermark, long releaseBefore, List<WindowResult> output, ref long reEmitted)
    {
        var released = 0;
        for (var i = 0; i < _sessions.Count; i++)
        {
            var session = _sessions[i];
            var closesAt = session.End + _gap;
            if (closesAt > watermark)
            {
                break;
            }

            if (session.Dirty)
            {
                reEmitted += session.Emissions > 0 ? 1 : 0;
                output.Add(session.ToResult(_instrument, WindowKind.Session, Name));
                session.Emissions++;
                session.Dirty = false;
            }

            if (closesAt <= releaseBefore)
            {
                released++;
                _pool.Return(session);
            }
        }

        if (released > 0)
        {
            _sessions.RemoveRange(0, released);
        }
    }

    public void Count(ref int open, ref int retained)
    {
        for (var i = 0; i < _sessions.Count; i++)
        {
            if (_sessions[i].Emissions == 0)
            {
                open++;
            }
            else
            {
                retained++;
            }
        }
    }
}
