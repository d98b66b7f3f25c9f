namespace TgeSwarm.Runtime;

/// <summary>A timer registered by a grain. Disposing it stops further ticks; a tick already running completes.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick is due and the period after it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
