namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>A grain interface: its own and inherited methods, and whether it gets a proxy (keyed or system interfaces do).</summary>
internal sealed record GrainInterfaceModel(
    string FullName,
    string Type,
    string ShortName,
    string GrainType,
    bool HasProxy,
    EquatableArray<MethodModel> Methods);
