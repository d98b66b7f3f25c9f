namespace TgeSwarm.Grains.Market.Windows;

/// <summary>The window engine's windows, lateness and bounds (section <c>Market:Windows</c>); semantics in WINDOWS.md.</summary>
public sealed class WindowOptions
{
    public const string SectionName = "Market:Windows";

    /// <summary>
    /// Interval of the closed bars the windows aggregate, in seconds (bars of other intervals in an update are
    /// ignored). Window sizes and slides must be multiples of it. Default 1.
    /// </summary>
    public int BarIntervalSeconds { get; set; } = 1;

    /// <summary>Tumbling window size; <see cref="TimeSpan.Zero"/> turns tumbling windows off. Default 1 min.</summary>
    public TimeSpan Tumbling { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sliding window size; <see cref="TimeSpan.Zero"/> turns sliding windows off. Default 5 min.</summary>
    public TimeSpan SlidingSize { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a sliding window starts; must divide <see cref="SlidingSize"/>. Default 1 min.</summary>
    public TimeSpan SlidingSlide { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Session gap: a session ends where no bar of any venue started for this long after the last bar's end;
    /// <see cref="TimeSpan.Zero"/> turns sessions off. Default 30 s.
    /// </summary>
    public TimeSpan SessionGap { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far behind the newest bar seen the watermark trails: bars up to this much older than the newest are on
    /// time, and a window is emitted once the watermark passes its end. Default 5 s.
    /// </summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What happens to a bar older than the watermark. Default <see cref="LatePolicy.Drop"/>.</summary>
    public LatePolicy LatePolicy { get; set; } = LatePolicy.Drop;

    /// <summary>
    /// With <see cref="LatePolicy.UpdateAndReemit"/>: how far behind the watermark a late bar may be and still update
    /// its windows; emitted windows are kept this long past their end for it. Ignored with
    /// <see cref="LatePolicy.Drop"/>. Default 1 min.
    /// </summary>
    public TimeSpan ReemitHorizon { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Closed windows waiting for <see cref="WindowEngine.TakeClosed"/>; when this many wait, the engine refuses
    /// updates (backpressure) until they are taken. Default 1024.
    /// </summary>
    public int MaxPendingResults { get; set; } = 1024;
}
