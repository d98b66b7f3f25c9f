namespace TgeSwarm.Runtime.Catalog;

/// <summary>A persistent state as the activation sees it: something to load before <c>OnActivateAsync</c>.</summary>
internal interface IActivationState
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
