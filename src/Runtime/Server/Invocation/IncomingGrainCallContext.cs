
namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// Runs the silo-wide incoming filters, then the grain's own filter (if the class is one), then the method.
/// Lives for one request; only built when some filter exists.
/// </summary>
internal sealed class IncomingGrainCallContext(GrainRequest request, Grain grain, IIncomingGrainCallFilter[] filters) : IIncomingGrainCallContext
{
    private int _next;

    public GrainRequest Request { get; } = request;

    public object Grain { get; } = grain;

    public GrainId TargetId => Request.TargetId;

    public GrainId? SourceId => Request.SourceId.IsDefault ? null : Request.SourceId;

    public string InterfaceName => Request.InterfaceName;

    public string MethodName => Request.MethodName;

    public object? Result
    {
        get => Request.GetResult();
        set => Request.SetResult(value);
    }

    public Task Invoke()
    {
        var index = _next++;
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
