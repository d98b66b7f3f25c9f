using Microsoft.CodeAnalysis;

namespace TgeSwarm.Runtime.CodeGen.Diagnostics;

/// <summary>
/// Build-time errors of the generator. Ids are stable (documentation and suppressions refer to them); each message
/// says what to change.
/// </summary>
internal static class SwarmDiagnostics
{
    private const string Category = "TgeSwarm.CodeGen";

    public static readonly DiagnosticDescriptor InvalidReturnType = Error(
        "SWARM001", "Grain method must return a task",
        "Grain method '{0}' returns '{1}': grain methods must return Task, Task<T>, ValueTask or ValueTask<T>");

    public static readonly DiagnosticDescriptor NoSerializer = Error(
        "SWARM002", "Type has no serializer",
        "{0} uses type '{1}', which has no serializer: add [GenerateSerializer] to {2} and [Id(n)] to its members, or use a type the runtime serializes");

    public static readonly DiagnosticDescriptor DuplicateId = Error(
        "SWARM003", "Duplicate serialization id",
        "Members '{1}' and '{2}' of '{0}' both have [Id({3})]: give each member of a type and its base types its own id");

    public static readonly DiagnosticDescriptor OneWayWithResult = Error(
        "SWARM004", "One-way method returns a result",
        "[OneWay] method '{0}' returns '{1}': a one-way call never sees a result, so return Task or ValueTask or remove [OneWay]");

    public static readonly DiagnosticDescriptor GenericGrainInterface = Error(
        "SWARM005", "Generic grain interface",
        "Grain interface '{0}' is generic, which TgeSwarm does not support: use a non-generic interface per type argument");

    public static readonly DiagnosticDescriptor GenericSerializableType = Error(
        "SWARM006", "Generic serializable type",
        "'{0}' is generic, and [GenerateSerializer] does not support generic types yet: use a closed, non-generic type");

    public static readonly DiagnosticDescriptor UnsupportedMember = Error(
        "SWARM007", "Unsupported grain interface member",
        "Grain interface member '{0}' is not supported: {1}");

    public static readonly DiagnosticDescriptor InaccessibleType = Error(
        "SWARM008", "Type is not accessible to generated code",
        "'{0}' is private or protected, so generated code cannot name it: make it internal or public");

    public static readonly DiagnosticDescriptor UnassignableMember = Error(
        "SWARM009", "Serialized member cannot be read or assigned",
        "Member '{0}' of '{1}' has [Id] but {2}: serialize a field or an auto-property, or a positional record parameter");

    public static readonly DiagnosticDescriptor InvalidTimeout = Error(
        "SWARM010", "Invalid response timeout",
        "[ResponseTimeout(\"{1}\")] on '{0}' is not a TimeSpan: write it as \"hh:mm:ss\"");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
