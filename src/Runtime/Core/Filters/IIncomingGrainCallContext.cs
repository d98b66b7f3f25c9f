namespace TgeSwarm.Runtime;

/// <summary>A call arriving at a grain, as incoming filters see it; it runs inside the grain's turn.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance the call is delivered to.</summary>
    object Grain { get; }
}
