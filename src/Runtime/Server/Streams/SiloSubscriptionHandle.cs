using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Streams;

/// <summary>The untyped facts of a subscription handle, for the manager.</summary>
internal interface ISiloSubscriptionHandle
{
    IStreamProviderRuntime Provider { get; }

    ActivationData Consumer { get; }

    StreamId StreamId { get; }

    Guid HandleId { get; }

    bool IsImplicit { get; }
}

/// <summary>A subscription of one grain, bound to the activation that obtained the handle.</summary>
internal sealed class SiloSubscriptionHandle<T>(
    StreamSubscriptionManager manager, IStreamProviderRuntime provider, ActivationData consumer, StreamId streamId, Guid handleId, bool isImplicit)
    : StreamSubscriptionHandle<T>, ISiloSubscriptionHandle
{
    public override Guid HandleId => handleId;

    public override StreamId StreamId => streamId;

    public override string ProviderName => provider.Name;

    public override bool IsImplicit => isImplicit;

    IStreamProviderRuntime ISiloSubscriptionHandle.Provider => provider;

    ActivationData ISiloSubscriptionHandle.Consumer => consumer;

    public override async Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        await manager.ResumeAsync(this, new ObserverHandler<T>(observer), token);
        return this;
    }

    public override async Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncBatchObserver<T> observer, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        await manager.ResumeAsync(this, new BatchObserverHandler<T>(observer), token);
        return this;
    }

    public override Task UnsubscribeAsync() => manager.UnsubscribeAsync(this);
}
