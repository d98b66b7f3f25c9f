namespace TgeSwarm.Runtime.Invocation;

/// <summary>Sends a request whose outgoing filters have run: the silo's and the external client's runtimes.</summary>
internal interface IRequestDispatcher
{
    void Dispatch(GrainRequest request);
}
