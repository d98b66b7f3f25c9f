namespace TgeSwarm.Grains.Market.Windows;

/// <summary>What the window engine does with a bar older than its watermark.</summary>
public enum LatePolicy
{
    /// <summary>Drop it and count it: emitted windows are final.</summary>
    Drop,

    /// <summary>
    /// Apply it when it is at most <see cref="WindowOptions.ReemitHorizon"/> behind the watermark, emitting every
    /// window it changed again with a higher revision; drop and count it beyond.
    /// </summary>
    UpdateAndReemit,
}
