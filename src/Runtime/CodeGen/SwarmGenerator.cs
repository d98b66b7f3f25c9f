using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TgeSwarm.Runtime.CodeGen.Emit;
using TgeSwarm.Runtime.CodeGen.Model;
using TgeSwarm.Runtime.CodeGen.Parsing;

namespace TgeSwarm.Runtime.CodeGen;

// Design: the TgeSwarm source generator.
//
// Everything the runtime would otherwise discover by reflection is written at build time, per assembly: a codec per
// [GenerateSerializer] type, a proxy per grain interface, a request class per grain method, and one registration
// class that hands them all to SwarmCodeRegistry (named by [assembly: SwarmGeneratedCode]). The call path then needs
// no reflection: a proxy builds a request, the request knows its method id, how to copy and serialize its arguments
// and how to invoke the grain.
//
// Pipeline: three syntax providers — [GenerateSerializer] types (ForAttributeWithMetadataName), interfaces deriving
// from IAddressable, and classes deriving from Grain — each parse into equatable models (strings, flags, arrays
// compared by content) plus diagnostics as data, so an edit that does not change a model regenerates nothing. One
// output step then names the generated classes over the whole compilation (SwarmCodeGen.<Assembly> namespace,
// short names, hash suffix on clashes) and writes the files.
//
// Contracts fail the build, not the first call: a grain method that does not return a task, a type with no
// serializer, duplicate ids, one-way methods with results, generic contracts (SWARM001…SWARM010).

/// <summary>The incremental generator of codecs, proxies, requests and registrations.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class SwarmGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var serializable = context.SyntaxProvider.ForAttributeWithMetadataName(
            KnownNames.GenerateSerializer,
            static (node, _) => node is TypeDeclarationSyntax or EnumDeclarationSyntax,
            SerializableTypeParser.Parse);
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(GrainInterfaceParser.IsCandidate, GrainInterfaceParser.Parse)
            .Where(static result => result is not null)
            .Select(static (result, _) => result!);
        var classes = context.SyntaxProvider
            .CreateSyntaxProvider(GrainClassParser.IsCandidate, GrainClassParser.Parse)
            .Where(static name => name is not null)
            .Select(static (name, _) => name!);
        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Assembly");
        var everything = serializable.Collect().Combine(interfaces.Collect()).Combine(classes.Collect()).Combine(assemblyName);
        context.RegisterSourceOutput(everything, static (output, input) =>
            Emit(output, input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right));
    }

    private static void Emit(
        SourceProductionContext output, ImmutableArray<ParseResult<SerializableTypeModel>> serializable,
        ImmutableArray<ParseResult<GrainInterfaceModel>> interfaces, ImmutableArray<string> classes, string assemblyName)
    {
        var reported = new HashSet<DiagnosticInfo>();
        foreach (var diagnostic in serializable.SelectMany(r => r.Diagnostics).Concat(interfaces.SelectMany(r => r.Diagnostics)))
        {
            if (reported.Add(diagnostic))
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }

        var codecs = serializable.Select(r => r.Model).OfType<SerializableTypeModel>().Where(t => !t.IsAbstract)
            .GroupBy(t => t.FullName).Select(g => g.First()).OrderBy(t => t.FullName, System.StringComparer.Ordinal).ToList();
        var proxies = interfaces.Select(r => r.Model).OfType<GrainInterfaceModel>().Where(g => g.HasProxy)
            .GroupBy(g => g.FullName).Select(g => g.First()).OrderBy(g => g.FullName, System.StringComparer.Ordinal).ToList();
        var requests = proxies.SelectMany(p => p.Methods).GroupBy(m => m.Signature).Select(g => g.First())
            .OrderBy(m => m.Signature, System.StringComparer.Ordinal).ToList();
        var grainClasses = classes.Distinct().OrderBy(c => c, System.StringComparer.Ordinal).ToList();
        if (codecs.Count + proxies.Count + grainClasses.Count == 0)
        {
            return;
        }

        var names = new Names(assemblyName,
            codecs.Select(t => (Names.CodecKey(t), Names.CodecCandidate(t)))
                .Concat(proxies.Select(p => (Names.ProxyKey(p), Names.ProxyCandidate(p))))
                .Concat(requests.Select(m => (Names.RequestKey(m), Names.RequestCandidate(m)))));
        foreach (var codec in codecs)
        {
            var name = names[Names.CodecKey(codec)];
            output.AddSource(name + ".g.cs", CodecEmitter.Emit(codec, name, names.Namespace));
        }

        foreach (var proxy in proxies)
        {
            var name = names[Names.ProxyKey(proxy)];
            output.AddSource(name + ".g.cs", ProxyEmitter.Emit(proxy, name, names));
        }

        foreach (var group in requests.GroupBy(m => m.DeclaringType))
        {
            var code = CodeWriter.File(names.Namespace);
            foreach (var method in group)
            {
                RequestEmitter.Emit(code, method, names[Names.RequestKey(method)]);
                code.Line();
            }

            output.AddSource(names[Names.RequestKey(group.First())] + "s.g.cs", code.ToString());
        }

        output.AddSource("SwarmCodeRegistration.g.cs", RegistrationEmitter.Emit(names, codecs, proxies, requests, grainClasses));
    }
}
