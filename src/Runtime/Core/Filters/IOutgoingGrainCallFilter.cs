namespace TgeSwarm.Runtime;

/// <summary>Intercepts calls leaving this silo's grains or this client. Register with <c>AddOutgoingGrainCallFilter&lt;T&gt;()</c>.</summary>
public interface IOutgoingGrainCallFilter
{
    Task Invoke(IOutgoingGrainCallContext context);
}
