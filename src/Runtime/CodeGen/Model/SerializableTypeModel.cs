namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>A [GenerateSerializer] type as the codec emitter needs it.</summary>
internal sealed record SerializableTypeModel(
    string FullName,
    string Type,
    string ShortName,
    string Alias,
    bool IsEnum,
    bool IsValueType,
    bool IsAbstract,
    bool IsImmutable,
    ConstructionKind Construction,
    EquatableArray<MemberModel> Members,
    EquatableArray<string> ConstructorMembers);
