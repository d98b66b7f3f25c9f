using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TgeSwarm.Runtime.CodeGen.Diagnostics;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Parsing;

/// <summary>
/// Finds the [Id] members of a type and its [GenerateSerializer] base types — fields, properties, and constructor
/// parameters carrying [Id] (positional records) — and decides how generated code reads and assigns each one.
/// </summary>
internal sealed class MemberParser(Compilation compilation, INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
{
    public sealed record Found(ISymbol Symbol, ITypeSymbol Type, MemberModel Model);

    public List<Found> Collect(CancellationToken cancellationToken)
    {
        var found = new List<Found>();
        var byId = new Dictionary<uint, Found>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!SymbolEqualityComparer.Default.Equals(current, type) && !current.HasAttribute(KnownNames.GenerateSerializer))
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (symbol, id) in Candidates(current))
            {
                if (found.Any(f => SymbolEqualityComparer.Default.Equals(f.Symbol, symbol)))
                {
                    continue;
                }

                if (Parse(symbol, id) is not { } member)
                {
                    continue;
                }

                if (byId.TryGetValue(id, out var existing))
                {
                    diagnostics.Add(new(SwarmDiagnostics.DuplicateId, LocationInfo.From(symbol),
                        ImmutableArray.Create(type.Name, existing.Model.Name, member.Model.Name, id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    continue;
                }

                byId.Add(id, member);
                found.Add(member);
            }
        }

        return found;
    }

    private static IEnumerable<(ISymbol Symbol, uint Id)> Candidates(INamedTypeSymbol declaring)
    {
        foreach (var member in declaring.GetMembers())
        {
            if (member is IFieldSymbol or IPropertySymbol { IsIndexer: false } && !member.IsStatic && IdOf(member) is { } id)
            {
                yield return (member, id);
            }
        }

        // [Id] on a positional record (or primary constructor) parameter: the member is the property of that name.
        foreach (var constructor in declaring.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (IdOf(parameter) is { } id && declaring.GetMembers(parameter.Name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol) is { } member)
                {
                    yield return (member, id);
                }
            }
        }
    }

    private static uint? IdOf(ISymbol symbol) =>
        symbol.FindAttribute(KnownNames.Id) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is uint id ? id : null;

    private Found? Parse(ISymbol symbol, uint id)
    {
        var memberType = symbol is IFieldSymbol f ? f.Type : ((IPropertySymbol)symbol).Type;
        if (!TypeSupport.IsSerializable(memberType, out var missing))
        {
            diagnostics.Add(new(SwarmDiagnostics.NoSerializer, LocationInfo.From(symbol),
                ImmutableArray.Create($"Member '{type.Name}.{symbol.Name}'", memberType.ToDisplayString(), missing.Name)));
            return null;
        }

        var (getter, getterName, setter, setterName) = symbol is IFieldSymbol field ? FieldAccess(field) : PropertyAccess((IPropertySymbol)symbol);
        if (getter == MemberAccess.Constructor)
        {
            diagnostics.Add(new(SwarmDiagnostics.UnassignableMember, LocationInfo.From(symbol),
                ImmutableArray.Create(symbol.Name, type.Name, "it has no getter")));
            return null;
        }

        var model = new MemberModel(
            symbol.Name, id, memberType.ToDisplayString(SymbolExtensions.Qualified),
            TypeSupport.IsShallow(memberType) || symbol.HasAttribute(KnownNames.Immutable),
            symbol.ContainingType.ToDisplayString(SymbolExtensions.Qualified), symbol.ContainingType.IsValueType,
            symbol is IFieldSymbol, getter, getterName, setter, setterName);
        return new Found(symbol, memberType, model);
    }

    private (MemberAccess, string, MemberAccess, string) FieldAccess(IFieldSymbol field)
    {
        var accessible = IsAccessible(field);
        return (accessible ? MemberAccess.Direct : MemberAccess.Field, field.Name,
            accessible && !field.IsReadOnly ? MemberAccess.Direct : MemberAccess.Field, field.Name);
    }

    private (MemberAccess, string, MemberAccess, string) PropertyAccess(IPropertySymbol property)
    {
        var getter = property.GetMethod is null ? MemberAccess.Constructor
            : IsAccessible(property.GetMethod) ? MemberAccess.Direct : MemberAccess.Method;
        var getterName = property.GetMethod?.MetadataName ?? "";
        if (property.SetMethod is { } setMethod)
        {
            return (getter, getterName, !setMethod.IsInitOnly && IsAccessible(setMethod) ? MemberAccess.Direct : MemberAccess.Method, setMethod.MetadataName);
        }

        // A get-only auto-property is assigned through its backing field.
        var backing = property.ContainingType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
        return backing is not null
            ? (getter, getterName, MemberAccess.Field, backing.Name)
            : (getter, getterName, MemberAccess.Constructor, "");
    }

    private bool IsAccessible(ISymbol symbol) => compilation.IsSymbolAccessibleWithin(symbol, compilation.Assembly);
}
