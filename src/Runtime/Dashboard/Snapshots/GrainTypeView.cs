namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>Activations of one grain type in the whole cluster and per silo address.</summary>
internal sealed record GrainTypeView(string Type, int Activations, IReadOnlyDictionary<string, int> PerSilo);
