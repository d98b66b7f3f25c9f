namespace TgeSwarm.Runtime.CodeRegistry;

/// <summary>Implemented by generated code: adds an assembly's codecs, proxies, requests and grain classes.</summary>
public interface ISwarmCodeRegistration
{
    void Register(SwarmCodeRegistry registry);
}
