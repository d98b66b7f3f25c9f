namespace TgeSwarm.Grains.Market.Windows;

/// <summary>A window engine's counters since it was created, and its current state.</summary>
/// <param name="BarsAccepted">Bars applied to windows (late ones applied under UpdateAndReemit included).</param>
/// <param name="LateDropped">Bars older than the watermark that were dropped (all of them under Drop; beyond the horizon under UpdateAndReemit).</param>
/// <param name="LateApplied">Bars older than the watermark applied under UpdateAndReemit.</param>
/// <param name="ReEmitted">Window emissions with a revision above 0.</param>
/// <param name="Emitted">Window emissions, re-emissions included.</param>
/// <param name="OpenWindows">Windows not emitted yet.</param>
/// <param name="RetainedWindows">Emitted windows kept for late bars (UpdateAndReemit only).</param>
/// <param name="RejectedForBackpressure">Updates refused because <see cref="WindowOptions.MaxPendingResults"/> results waited.</param>
/// <param name="DuplicateBars">Bars of a venue not newer than that venue's previous bar (redelivered), skipped.</param>
/// <param name="Watermark">Newest bar open time − allowed lateness, UTC µs; <see cref="long.MinValue"/> before the first bar.</param>
internal readonly record struct WindowStatistics(
    long BarsAccepted,
    long LateDropped,
    long LateApplied,
    long ReEmitted,
    long Emitted,
    int OpenWindows,
    int RetainedWindows,
    long RejectedForBackpressure,
    long DuplicateBars,
    long Watermark);
