using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Skaftin.Realtime.Generator.Model;

/// <summary>A source location as plain data (a <see cref="Location"/> holds its syntax tree, which defeats caching).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    /// <summary>A location in <paramref name="tree"/> (so tree-specific options apply), or by file path when it is null.</summary>
    public Location ToLocation(SyntaxTree? tree) => tree is null ? Location.Create(FilePath, TextSpan, LineSpan) : Location.Create(tree, TextSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
