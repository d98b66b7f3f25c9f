namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// Base of generated grain proxies: a grain id and the runtime that delivers its requests. Two references are
/// equal when they name the same grain.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    protected GrainReference(GrainId grainId, IGrainReferenceRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
    }

    public GrainId GrainId { get; }

    /// <summary>The grain interface this reference implements.</summary>
    public abstract Type InterfaceType { get; }

    internal IGrainReferenceRuntime Runtime { get; }

    protected ValueTask<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request)
    {
        var result = request.AsValueTask();
        Runtime.SendRequest(this, request);
        return result;
    }

    protected void InvokeOneWay(GrainRequest request) => Runtime.SendRequest(this, request);

    public bool Equals(GrainReference? other) => other is not null && GrainId.Equals(other.GrainId);

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";
}
