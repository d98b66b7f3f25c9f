using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.CodeGen.Tests;

/// <summary>Compiles a source text with the generator, the way an application project would, and reports everything.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(GrainId).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(CodecProvider).Assembly.Location),
    ];

    public static GeneratorRun Run(string source, string assemblyName = "Contracts")
    {
        var usings = "global using System; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks; global using TgeSwarm.Runtime;\n";
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(usings, Options, "Usings.cs"), CSharpSyntaxTree.ParseText(source, Options, "Contracts.cs")],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new SwarmGenerator().AsSourceGenerator()], parseOptions: Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        return new GeneratorRun(
            generatorDiagnostics,
            output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(),
            result.GeneratedTrees.ToImmutableDictionary(tree => Path.GetFileName(tree.FilePath), tree => tree.ToString()));
    }

    private static CSharpParseOptions Options => new(LanguageVersion.Latest);
}
