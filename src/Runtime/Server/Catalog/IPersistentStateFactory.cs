namespace TgeSwarm.Runtime.Catalog;

/// <summary>Makes the <c>IPersistentState&lt;T&gt;</c> of one constructor parameter for one activation.</summary>
internal interface IPersistentStateFactory
{
    IActivationState Create(ActivationData activation);
}
