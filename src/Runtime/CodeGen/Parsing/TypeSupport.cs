using System.Linq;
using Microsoft.CodeAnalysis;

namespace TgeSwarm.Runtime.CodeGen.Parsing;

/// <summary>
/// What the runtime can serialize, decided at build time so a contract without a serializer fails the build rather
/// than the first call. Mirrors the runtime's CodecProvider: keep the two lists together.
/// </summary>
internal static class TypeSupport
{
    private static readonly string[] ScalarTypes =
    [
        "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", KnownNames.GrainId, KnownNames.VoidResult,
        KnownNames.SiloAddress,
    ];

    private static readonly string[] CollectionTypes =
    [
        "System.Collections.Generic.List`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.HashSet`1", "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.IReadOnlySet`1", "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
        "System.Collections.Generic.KeyValuePair`2", "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3",
        "System.ValueTuple`4", "System.Nullable`1",
    ];

    /// <summary>Whether <paramref name="type"/> has a codec; if not, <paramref name="missing"/> is the innermost type lacking one.</summary>
    public static bool IsSerializable(ITypeSymbol type, out ITypeSymbol missing)
    {
        missing = type;
        switch (type)
        {
            case IArrayTypeSymbol array:
                return array.Rank == 1 && IsSerializable(array.ElementType, out missing);
            case ITypeParameterSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol or IDynamicTypeSymbol:
                return false;
        }

        if (IsPrimitive(type) || type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Enum
            || ScalarTypes.Contains(type.MetadataName()) || type.HasAttribute(KnownNames.GenerateSerializer)
            || type.Is("System.Exception") || type.DerivesFrom("System.Exception")
            || (type.TypeKind == TypeKind.Interface && type.Implements(KnownNames.Addressable)))
        {
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic && CollectionTypes.Contains(generic.ConstructedFrom.MetadataName()))
        {
            foreach (var argument in generic.TypeArguments)
            {
                if (!IsSerializable(argument, out missing))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>Values that can be shared instead of copied: immutable by nature or marked [Immutable].</summary>
    public static bool IsShallow(ITypeSymbol type)
    {
        if (IsPrimitive(type) || type.TypeKind == TypeKind.Enum || ScalarTypes.Contains(type.MetadataName())
            || type.HasAttribute(KnownNames.Immutable)
            || type.Is("System.Exception") || type.DerivesFrom("System.Exception")
            || (type.TypeKind == TypeKind.Interface && type.Implements(KnownNames.Addressable)))
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true, IsValueType: true } generic
            && (generic.ConstructedFrom.MetadataName() is "System.Nullable`1" or "System.Collections.Generic.KeyValuePair`2"
                || generic.ConstructedFrom.MetadataName().StartsWith("System.ValueTuple`", System.StringComparison.Ordinal))
            && generic.TypeArguments.All(IsShallow);
    }

    private static bool IsPrimitive(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
            or SpecialType.System_Decimal or SpecialType.System_String => true,
        _ => false,
    };
}
