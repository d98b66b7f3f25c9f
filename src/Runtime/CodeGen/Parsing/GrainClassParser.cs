using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TgeSwarm.Runtime.CodeGen.Parsing;

/// <summary>Finds grain classes: non-abstract, non-generic classes deriving from Grain and implementing a grain interface.</summary>
internal static class GrainClassParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax { BaseList: not null } declaration && !declaration.Modifiers.Any(SyntaxKind.AbstractKeyword);

    /// <summary>The class's qualified name, or null when it is not a grain class generated code can name.</summary>
    public static string? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        return context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is INamedTypeSymbol { IsAbstract: false, IsGenericType: false } type
            && type.DerivesFrom(KnownNames.GrainBase)
            && type.AllInterfaces.Any(i => i.Implements(KnownNames.Grain) && !i.Is(KnownNames.Grain))
            && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)
                ? type.ToDisplayString(SymbolExtensions.Qualified)
                : null;
    }
}
