namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// Brings continuations of grain code back into their activation: an await inside a turn captures this context,
/// and its continuation becomes the activation's next work item.
/// </summary>
internal sealed class ActivationSynchronizationContext(ActivationData activation) : SynchronizationContext
{
    public ActivationData Activation { get; } = activation;

    public override void Post(SendOrPostCallback d, object? state) => Activation.Post(d, state);

    // Blocking the caller until the activation ran the callback invites deadlocks (the caller may be the activation).
    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send into a grain activation is not supported; use Post or await.");

    public override SynchronizationContext CreateCopy() => this;
}
