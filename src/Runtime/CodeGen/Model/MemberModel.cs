namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>
/// One serialized member. <see cref="GetterName"/>/<see cref="SetterName"/> are the metadata names an
/// [UnsafeAccessor] binds to when access is not direct (a private field, an init or private setter, a backing field).
/// </summary>
internal sealed record MemberModel(
    string Name,
    uint Id,
    string Type,
    bool IsShallow,
    string DeclaringType,
    bool DeclaringIsValueType,
    bool IsField,
    MemberAccess Getter,
    string GetterName,
    MemberAccess Setter,
    string SetterName);
