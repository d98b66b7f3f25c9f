using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TgeSwarm.Runtime.CodeGen.Tests;

/// <summary>
/// What one generator run gave: its own diagnostics, the warnings and errors of the compilation including the generated
/// code, and the generated files by name.
/// </summary>
internal sealed record GeneratorRun(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics,
    ImmutableDictionary<string, string> Files)
{
    public string Describe() =>
        string.Join(Environment.NewLine, GeneratorDiagnostics.Concat(CompilationDiagnostics).Select(d => d.ToString()));

    public IEnumerable<string> GeneratorIds => GeneratorDiagnostics.Select(d => d.Id);
}
