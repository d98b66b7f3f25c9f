namespace TgeSwarm.Silo.Api.Cluster;

/// <summary>A grain type and how many activations of it each silo holds.</summary>
internal sealed record GrainTypeActivations(string GrainType, int Total, IReadOnlyList<SiloActivations> Silos);

internal sealed record SiloActivations(string SiloAddress, int Activations);
