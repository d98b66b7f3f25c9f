namespace TgeSwarm.Runtime.Directory;

/// <summary>Where one activation of a grain lives: the grain, its silo, and the activation's number on that silo.</summary>
[GenerateSerializer]
[Alias("sys.GrainAddress")]
internal sealed record GrainAddress(
    [property: Id(0)] GrainId GrainId,
    [property: Id(1)] SiloAddress SiloAddress,
    [property: Id(2)] long ActivationNumber)
{
    public override string ToString() => $"{GrainId}@{SiloAddress}#{ActivationNumber}";
}
