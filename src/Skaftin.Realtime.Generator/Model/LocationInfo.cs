using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Skaftin.Realtime.Generator.Model;

/// <summary>A source location as plain data (a <see cref="Location"/> holds its syntax tree, which defeats caching).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
