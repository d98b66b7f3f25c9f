using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using TgeSwarm.Runtime.CodeGen.Diagnostics;
using TgeSwarm.Runtime.CodeGen.Model;

namespace TgeSwarm.Runtime.CodeGen.Parsing;

/// <summary>One grain interface method: its return shape, arguments, scheduling options and stable method id.</summary>
internal static class MethodParser
{
    private const int OneWay = 1;
    private const int AlwaysInterleave = 2;
    private const int ReadOnly = 4;

    public static MethodModel? Parse(ISymbol member, INamedTypeSymbol declaring, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var display = $"{declaring.Name}.{member.Name}";
        if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
        {
            if (member is not IMethodSymbol)
            {
                diagnostics.Add(Error(SwarmDiagnostics.UnsupportedMember, member, display, "grain interfaces may declare only methods"));
            }

            return null;
        }

        if (method.IsGenericMethod || method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            diagnostics.Add(Error(SwarmDiagnostics.UnsupportedMember, member, display, "generic methods and ref, out or in parameters cannot be called remotely"));
            return null;
        }

        var valid = true;
        var returnKind = ReturnKindOf(method.ReturnType);
        if (returnKind is null)
        {
            diagnostics.Add(Error(SwarmDiagnostics.InvalidReturnType, member, display, method.ReturnType.ToDisplayString()));
            return null;
        }

        var resultSymbol = returnKind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT ? ((INamedTypeSymbol)method.ReturnType).TypeArguments[0] : null;
        if (resultSymbol is not null && !TypeSupport.IsSerializable(resultSymbol, out var missingResult))
        {
            diagnostics.Add(Error(SwarmDiagnostics.NoSerializer, member, $"The result of grain method '{display}'", resultSymbol.ToDisplayString(), missingResult.Name));
            valid = false;
        }

        var options = (method.HasAttribute(KnownNames.OneWay) ? OneWay : 0)
            | (method.HasAttribute(KnownNames.AlwaysInterleave) ? AlwaysInterleave : 0)
            | (method.HasAttribute(KnownNames.ReadOnly) ? ReadOnly : 0);
        if ((options & OneWay) != 0 && resultSymbol is not null)
        {
            diagnostics.Add(Error(SwarmDiagnostics.OneWayWithResult, member, display, method.ReturnType.ToDisplayString()));
            valid = false;
        }

        var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            var isToken = parameter.Type.Is(KnownNames.CancellationToken);
            if (!isToken && !TypeSupport.IsSerializable(parameter.Type, out var missing))
            {
                diagnostics.Add(Error(SwarmDiagnostics.NoSerializer, parameter, $"Parameter '{parameter.Name}' of grain method '{display}'", parameter.Type.ToDisplayString(), missing.Name));
                valid = false;
            }

            parameters.Add(new ParameterModel(parameter.Name, parameter.Type.ToDisplayString(SymbolExtensions.Qualified),
                isToken || TypeSupport.IsShallow(parameter.Type) || parameter.HasAttribute(KnownNames.Immutable), isToken));
        }

        var timeout = TimeoutOf(method, display, diagnostics);
        if (!valid || timeout == -2)
        {
            return null;
        }

        var interfaceName = declaring.AliasOf() ?? declaring.ToDisplayString(SymbolExtensions.Stable);
        var signature = $"{interfaceName}.{method.AliasOf() ?? method.Name}({string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolExtensions.Stable)))})";
        return new MethodModel(
            method.Name, declaring.ToDisplayString(SymbolExtensions.Qualified), declaring.ShortName(), interfaceName, signature,
            Fnv1a(signature), declaring.GetMembers(method.Name).Length > 1, returnKind.Value,
            method.ReturnType.ToDisplayString(SymbolExtensions.Qualified),
            resultSymbol?.ToDisplayString(SymbolExtensions.Qualified) ?? "global::TgeSwarm.Runtime.Invocation.VoidResult",
            resultSymbol is null || TypeSupport.IsShallow(resultSymbol), parameters.ToImmutable(), options, timeout);
    }

    /// <summary>32-bit FNV-1a over the UTF-8 bytes: the same in every build, process and runtime version.</summary>
    public static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    private static ReturnKind? ReturnKindOf(ITypeSymbol type) => type.MetadataName() switch
    {
        "System.Threading.Tasks.Task" => ReturnKind.Task,
        "System.Threading.Tasks.Task`1" => ReturnKind.TaskOfT,
        "System.Threading.Tasks.ValueTask" => ReturnKind.ValueTask,
        "System.Threading.Tasks.ValueTask`1" => ReturnKind.ValueTaskOfT,
        _ => null,
    };

    /// <summary>Ticks of [ResponseTimeout], -1 without one, -2 when it does not parse (reported).</summary>
    private static long TimeoutOf(IMethodSymbol method, string display, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (method.FindAttribute(KnownNames.ResponseTimeout) is not { ConstructorArguments.Length: 1 } attribute)
        {
            return -1;
        }

        var text = attribute.ConstructorArguments[0].Value as string ?? "";
        if (System.TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) && timeout > System.TimeSpan.Zero)
        {
            return timeout.Ticks;
        }

        diagnostics.Add(Error(SwarmDiagnostics.InvalidTimeout, method, display, text));
        return -2;
    }

    private static DiagnosticInfo Error(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments) =>
        new(descriptor, LocationInfo.From(symbol), arguments.ToImmutableArray());
}
