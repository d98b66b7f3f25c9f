using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TgeSwarm.Runtime.CodeGen.Parsing;

internal static class SymbolExtensions
{
    /// <summary><c>global::</c>-qualified with nullable annotations: what emitted code declares.</summary>
    public static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Namespace-qualified, no <c>global::</c>, no nullable annotations: stable text for aliases and method ids.</summary>
    public static readonly SymbolDisplayFormat Stable = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static string MetadataName(this ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + NestedMetadataName(type)
            : NestedMetadataName(type);

    public static bool Is(this ITypeSymbol? type, string metadataName) => type is not null && type.MetadataName() == metadataName;

    public static AttributeData? FindAttribute(this ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass.Is(metadataName));

    public static bool HasAttribute(this ISymbol symbol, string metadataName) => symbol.FindAttribute(metadataName) is not null;

    public static string? AliasOf(this ISymbol symbol) =>
        symbol.FindAttribute(KnownNames.Alias) is { ConstructorArguments.Length: 1 } alias ? alias.ConstructorArguments[0].Value as string : null;

    public static bool Implements(this ITypeSymbol type, string metadataName) =>
        type.Is(metadataName) || type.AllInterfaces.Any(i => i.Is(metadataName));

    public static bool DerivesFrom(this ITypeSymbol type, string metadataName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Is(metadataName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Outer_Inner for nested types: a readable identifier for generated class names.</summary>
    public static string ShortName(this ITypeSymbol type)
    {
        var names = new List<string>();
        for (ITypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        return string.Join("_", names);
    }

    private static string NestedMetadataName(ITypeSymbol type) =>
        type.ContainingType is { } outer ? NestedMetadataName(outer) + "+" + type.MetadataName : type.MetadataName;
}
