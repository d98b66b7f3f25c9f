namespace TgeSwarm.EndToEnd.Tests.Cluster;

/// <summary>One silo process of the local cluster, as its state file records it.</summary>
internal sealed record SiloProcess(int Number, string Name, int Pid, int SiloPort, Uri Url, string LogPath)
{
    /// <summary>Whether a runtime identity (<c>S127.0.0.1:port:generation</c>) names this silo.</summary>
    public bool Serves(string runtimeIdentity) =>
        runtimeIdentity.StartsWith($"S127.0.0.1:{SiloPort}:", StringComparison.Ordinal);
}
