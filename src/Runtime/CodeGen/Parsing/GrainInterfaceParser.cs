using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TgeSwarm.Runtime.CodeGen.Diagnostics;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Parsing;

/// <summary>
/// Turns an interface deriving from IAddressable into a <see cref="GrainInterfaceModel"/> with its own and inherited
/// methods. Diagnostics are reported only for the members it declares itself: inherited ones are checked where they
/// are declared.
/// </summary>
internal static class GrainInterfaceParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is InterfaceDeclarationSyntax { BaseList: not null };

    public static ParseResult<GrainInterfaceModel>? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol type
            || !type.Implements(KnownNames.Addressable))
        {
            return null;
        }

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var compilation = context.SemanticModel.Compilation;
        if (type.IsGenericType)
        {
            diagnostics.Add(new(SwarmDiagnostics.GenericGrainInterface, LocationInfo.From(type), ImmutableArray.Create(type.ToDisplayString())));
            return new(null, diagnostics.ToImmutable());
        }

        if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
        {
            diagnostics.Add(new(SwarmDiagnostics.InaccessibleType, LocationInfo.From(type), ImmutableArray.Create(type.ToDisplayString())));
            return new(null, diagnostics.ToImmutable());
        }

        var methods = ImmutableArray.CreateBuilder<MethodModel>();
        foreach (var declaring in new[] { type }.Concat(type.AllInterfaces))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var own = SymbolEqualityComparer.Default.Equals(declaring, type);
            foreach (var member in declaring.GetMembers())
            {
                if (member.IsStatic || !member.IsAbstract)
                {
                    continue;
                }

                var sink = own ? diagnostics : ImmutableArray.CreateBuilder<DiagnosticInfo>();
                if (MethodParser.Parse(member, declaring, sink) is { } method)
                {
                    methods.Add(method);
                }
            }
        }

        var keyed = KnownNames.KeyInterfaces.Any(type.Implements);
        var system = !type.Implements(KnownNames.Grain);
        var model = new GrainInterfaceModel(
            type.ToDisplayString(SymbolExtensions.Stable), type.ToDisplayString(SymbolExtensions.Qualified), type.ShortName(),
            type.AliasOf() ?? GrainTypeName(type.Name), keyed || system, methods.ToImmutable());
        return new(model, diagnostics.ToImmutable());
    }

    /// <summary><c>ICounterGrain</c> → <c>counter</c>: no leading I (before an upper-case letter), no trailing Grain, lower case.</summary>
    public static string GrainTypeName(string interfaceName)
    {
        var name = interfaceName.Length > 1 && interfaceName[0] == 'I' && char.IsUpper(interfaceName[1]) ? interfaceName.Substring(1) : interfaceName;
        if (name.Length > "Grain".Length && name.EndsWith("Grain", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Grain".Length);
        }

        return name.ToLowerInvariant();
    }
}
