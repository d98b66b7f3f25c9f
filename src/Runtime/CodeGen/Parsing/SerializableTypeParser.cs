using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TgeSwarm.Runtime.CodeGen.Diagnostics;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Parsing;

/// <summary>
/// Turns a [GenerateSerializer] type into a <see cref="SerializableTypeModel"/>. Members of base types that also
/// carry [GenerateSerializer] are flattened in, so ids must be unique across the hierarchy (SWARM003 otherwise).
/// </summary>
internal static class SerializableTypeParser
{
    public static ParseResult<SerializableTypeModel> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var compilation = context.SemanticModel.Compilation;
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        if (IsGeneric(type))
        {
            diagnostics.Add(Diagnostic(SwarmDiagnostics.GenericSerializableType, type, type.ToDisplayString()));
            return new(null, diagnostics.ToImmutable());
        }

        if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
        {
            diagnostics.Add(Diagnostic(SwarmDiagnostics.InaccessibleType, type, type.ToDisplayString()));
            return new(null, diagnostics.ToImmutable());
        }

        var alias = type.AliasOf() ?? type.MetadataName();
        if (type.TypeKind == TypeKind.Enum)
        {
            return new(Model(type, alias, ConstructionKind.Default, [], []), diagnostics.ToImmutable());
        }

        var members = new MemberParser(compilation, type, diagnostics);
        var found = members.Collect(cancellationToken);
        var constructor = FindConstructor(compilation, type, found);
        var construction = constructor is not null ? ConstructionKind.Constructor
            : type.IsValueType || type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && compilation.IsSymbolAccessibleWithin(c, compilation.Assembly))
                ? ConstructionKind.Default
                : ConstructionKind.Uninitialized;
        var inConstructor = constructor?.Parameters.Select(p => Match(found, p)!.Name).ToImmutableArray() ?? [];
        var models = found.Select(m => m.Model).ToImmutableArray();
        foreach (var member in found)
        {
            if (member.Model.Setter == MemberAccess.Constructor && !inConstructor.Contains(member.Model.Name) && !type.IsAbstract)
            {
                diagnostics.Add(Diagnostic(SwarmDiagnostics.UnassignableMember, member.Symbol, member.Model.Name, type.Name, "it has no setter and no constructor parameter"));
            }
        }

        return new(Model(type, alias, construction, models, inConstructor), diagnostics.ToImmutable());
    }

    private static SerializableTypeModel Model(
        INamedTypeSymbol type, string alias, ConstructionKind construction, ImmutableArray<MemberModel> members, ImmutableArray<string> constructorMembers) =>
        new(type.ToDisplayString(SymbolExtensions.Stable), type.ToDisplayString(SymbolExtensions.Qualified), type.ShortName(), alias,
            type.TypeKind == TypeKind.Enum, type.IsValueType, type.IsAbstract, type.HasAttribute(KnownNames.Immutable), construction,
            members, constructorMembers);

    /// <summary>The widest accessible constructor whose every parameter names a serialized member of the same type.</summary>
    private static IMethodSymbol? FindConstructor(Compilation compilation, INamedTypeSymbol type, List<MemberParser.Found> members) =>
        type.InstanceConstructors
            .Where(c => c.Parameters.Length > 0 && compilation.IsSymbolAccessibleWithin(c, compilation.Assembly))
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .Where(c => c.Parameters.All(p => Match(members, p) is not null))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();

    private static MemberModel? Match(List<MemberParser.Found> members, IParameterSymbol parameter) =>
        members.FirstOrDefault(m => string.Equals(m.Model.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)
            && SymbolEqualityComparer.Default.Equals(m.Type.WithNullableAnnotation(NullableAnnotation.None), parameter.Type.WithNullableAnnotation(NullableAnnotation.None)))?.Model;

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments) =>
        new(descriptor, LocationInfo.From(symbol), arguments.ToImmutableArray());
}
