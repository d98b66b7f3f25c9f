namespace TgeSwarm.Runtime;

/// <summary>
/// A connection to the cluster: a grain factory whose references send calls into the cluster. Inside a silo
/// the hosted client calls grains directly; an external client goes through a gateway.
/// </summary>
public interface IClusterClient : IGrainFactory
{
    IServiceProvider ServiceProvider { get; }
}
