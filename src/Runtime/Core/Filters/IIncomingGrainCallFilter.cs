namespace TgeSwarm.Runtime;

/// <summary>
/// Intercepts calls arriving at grains. Register silo-wide with <c>AddIncomingGrainCallFilter&lt;T&gt;()</c>, or
/// implement on a grain class to intercept that grain's calls (it runs last, after the silo-wide ones).
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
