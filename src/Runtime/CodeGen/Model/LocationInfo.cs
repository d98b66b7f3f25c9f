using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>A source location without the syntax tree it points into, so models holding it stay cacheable.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(ISymbol symbol) =>
        symbol.Locations.Length > 0 ? From(symbol.Locations[0]) : null;

    public static LocationInfo? From(Location location) =>
        location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
