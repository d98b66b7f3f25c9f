using Microsoft.CodeAnalysis;

namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>A diagnostic found while parsing, kept as data until the output step reports it.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), System.Linq.Enumerable.ToArray<object>(Arguments.Items));
}
