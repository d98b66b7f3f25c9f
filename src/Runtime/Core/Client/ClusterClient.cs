namespace TgeSwarm.Runtime.Client;

/// <summary>
/// The <see cref="IClusterClient"/> application code sees: a grain factory (the external client's, whose references
/// call through gateways) and the host's services. Nothing in it is specific to the external client, so a silo's
/// hosted client could be the same type over its own factory.
/// </summary>
internal sealed class ClusterClient(IGrainFactory factory, IServiceProvider services) : IClusterClient
{
    private readonly IGrainFactory _factory = factory;

    public IServiceProvider ServiceProvider { get; } = services;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey => _factory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey => _factory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey => _factory.GetGrain<TGrainInterface>(primaryKey);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension)
        where TGrainInterface : IGrainWithGuidCompoundKey => _factory.GetGrain<TGrainInterface>(primaryKey, keyExtension);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension)
        where TGrainInterface : IGrainWithIntegerCompoundKey => _factory.GetGrain<TGrainInterface>(primaryKey, keyExtension);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable => _factory.GetGrain<TGrainInterface>(grainId);
}
