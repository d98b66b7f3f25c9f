namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>How a window's bounds are chosen (see <c>src/Grains/Market/Windows/WINDOWS.md</c>).</summary>
public enum WindowKind
{
    /// <summary>Fixed size, back to back, aligned on the Unix epoch.</summary>
    Tumbling,

    /// <summary>Fixed size, a new one every slide, aligned on the Unix epoch; they overlap.</summary>
    Sliding,

    /// <summary>Bounded by activity: a session ends where no bar arrived for a gap.</summary>
    Session,
}
