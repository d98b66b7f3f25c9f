namespace TgeSwarm.Runtime.CodeGen.Parsing;

/// <summary>Metadata names of the runtime types the generator recognises.</summary>
internal static class KnownNames
{
    public const string GenerateSerializer = "TgeSwarm.Runtime.GenerateSerializerAttribute";
    public const string Id = "TgeSwarm.Runtime.IdAttribute";
    public const string Alias = "TgeSwarm.Runtime.AliasAttribute";
    public const string Immutable = "TgeSwarm.Runtime.ImmutableAttribute";
    public const string OneWay = "TgeSwarm.Runtime.OneWayAttribute";
    public const string AlwaysInterleave = "TgeSwarm.Runtime.AlwaysInterleaveAttribute";
    public const string ReadOnly = "TgeSwarm.Runtime.ReadOnlyAttribute";
    public const string ResponseTimeout = "TgeSwarm.Runtime.ResponseTimeoutAttribute";
    public const string Addressable = "TgeSwarm.Runtime.IAddressable";
    public const string Grain = "TgeSwarm.Runtime.IGrain";
    public const string GrainBase = "TgeSwarm.Runtime.Grain";
    public const string GrainId = "TgeSwarm.Runtime.GrainId";

    public const string SiloAddress = "TgeSwarm.Runtime.SiloAddress";
    public const string VoidResult = "TgeSwarm.Runtime.Invocation.VoidResult";
    public const string CancellationToken = "System.Threading.CancellationToken";

    public static readonly string[] KeyInterfaces =
    [
        "TgeSwarm.Runtime.IGrainWithStringKey",
        "TgeSwarm.Runtime.IGrainWithGuidKey",
        "TgeSwarm.Runtime.IGrainWithIntegerKey",
        "TgeSwarm.Runtime.IGrainWithGuidCompoundKey",
        "TgeSwarm.Runtime.IGrainWithIntegerCompoundKey",
    ];
}
