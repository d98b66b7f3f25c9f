namespace TgeSwarm.Runtime;

/// <summary>
/// What a <see cref="Grain"/> needs from the activation hosting it. Implemented by the silo's activation;
/// internal so the grain base class stays the only way grain code reaches the runtime.
/// </summary>
internal interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>The hosting silo, e.g. <c>S127.0.0.1:11111:1</c>.</summary>
    string RuntimeIdentity { get; }

    /// <summary>This activation: grain id, silo and an activation number.</summary>
    string ActivationIdentity { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider ServiceProvider { get; }

    void DeactivateOnIdle();

    void DelayDeactivation(TimeSpan period);

    IGrainTimer RegisterGrainTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options);

    /// <summary>The stream provider <paramref name="name"/>, acting for this activation.</summary>
    IStreamProvider GetStreamProvider(string name);
}
