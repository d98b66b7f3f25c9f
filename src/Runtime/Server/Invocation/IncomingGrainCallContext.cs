
namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// Runs the silo-wide incoming filters, then the grain's own filter (if the class is one), then the method.
/// Lives for one request; only built when some filter exists.
/// </summary>
internal sealed class IncomingGrainCallContext(GrainRequest request, Grain grain, IIncomingGrainCallFilter[] filters)
    : GrainCallContext(request), IIncomingGrainCallContext
{
    public object Grain { get; } = grain;

    protected override Task InvokeStep(int index)
    {
        if (index < filters.Length)
        {
            return filters[index].Invoke(this);
        }

        if (index == filters.Length && Grain is IIncomingGrainCallFilter own)
        {
            return own.Invoke(this);
        }

        return Request.InvokeAsync(Grain).AsTask();
    }
}
