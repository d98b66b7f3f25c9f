namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// Sends requests on behalf of grain references. The silo and the external client each implement it; generated
/// proxies only see this seam.
/// </summary>
public interface IGrainReferenceRuntime
{
    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="target"/>. The request completes (or fails) through its
    /// own <see cref="GrainRequest.Complete"/>/<see cref="GrainRequest.Fail"/>; this method never throws for call
    /// failures.
    /// </summary>
    void SendRequest(GrainReference target, GrainRequest request);

    /// <summary>A reference to <paramref name="grainId"/> with interface <paramref name="interfaceType"/>.</summary>
    object CreateReference(Type interfaceType, GrainId grainId);
}
