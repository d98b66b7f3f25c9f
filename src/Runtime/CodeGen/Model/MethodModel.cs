namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>
/// One grain interface method. <see cref="Signature"/> is the text the <see cref="MethodId"/> hashes; it names the
/// declaring interface, so a method inherited by several interfaces keeps one id and one request class.
/// </summary>
internal sealed record MethodModel(
    string Name,
    string DeclaringType,
    string DeclaringShortName,
    string InterfaceName,
    string Signature,
    uint MethodId,
    bool IsOverloaded,
    ReturnKind ReturnKind,
    string ReturnType,
    string ResultType,
    bool ResultIsShallow,
    EquatableArray<ParameterModel> Parameters,
    int Options,
    long TimeoutTicks);
