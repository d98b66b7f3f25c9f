namespace TgeSwarm.Runtime;

/// <summary>
/// Subscribes every grain of the class to the stream of <see cref="Namespace"/> whose key is the grain's key: the
/// first event activates the grain. The grain attaches its handler by subscribing to that stream in
/// <c>OnActivateAsync</c>; an event that finds no handler is dropped, logged and counted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ImplicitStreamSubscriptionAttribute : Attribute
{
    public ImplicitStreamSubscriptionAttribute(string streamNamespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        Namespace = streamNamespace;
    }

    public string Namespace { get; }
}
