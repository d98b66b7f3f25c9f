namespace TgeSwarm.Runtime.Client;

/// <summary>
/// The <see cref="IClusterClient"/> application code sees: a grain factory and the host's services. The external
/// client's factory calls through gateways; a silo's hosted client is the same type over the silo's own factory.
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
