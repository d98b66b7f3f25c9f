using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime;

/// <summary>A grain call as a filter sees it.</summary>
public interface IGrainCallContext
{
    /// <summary>The request: method, arguments and, after <see cref="Invoke"/>, the result.</summary>
    GrainRequest Request { get; }

    GrainId TargetId { get; }

    /// <summary>The calling grain, or null for a call from a client.</summary>
    GrainId? SourceId { get; }

    string InterfaceName { get; }

    string MethodName { get; }

    /// <summary>The result, once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself.</summary>
    Task Invoke();
}
