namespace TgeSwarm.Runtime.Invocation;

/// <summary>What incoming and outgoing filter contexts both say about a call: its request, ends and result.</summary>
internal abstract class GrainCallContext(GrainRequest request) : IGrainCallContext
{
    private int _next;

    public GrainRequest Request { get; } = request;

    public GrainId TargetId => Request.TargetId;

    public GrainId? SourceId => Request.SourceId.IsDefault ? null : Request.SourceId;

    public string InterfaceName => Request.InterfaceName;

    public string MethodName => Request.MethodName;

    public object? Result
    {
        get => Request.GetResult();
        set => Request.SetResult(value);
    }

    /// <summary>Runs the next filter, or the call itself once the filters are done.</summary>
    public Task Invoke() => InvokeStep(_next++);

    /// <summary>Step <paramref name="index"/> of the chain: 0 is the first filter.</summary>
    protected abstract Task InvokeStep(int index);
}
