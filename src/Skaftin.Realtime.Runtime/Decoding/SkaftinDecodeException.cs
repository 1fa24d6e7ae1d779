using System;

namespace Skaftin.Realtime;

/// <summary>
/// Thrown (and reported to error handlers) when a row or event payload cannot be decoded.
/// Carries the table, the column and the offending text, so the cause can be found from a log line.
/// </summary>
public sealed class SkaftinDecodeException : Exception
{
    /// <summary>The longest offending text kept, in characters; longer text is cut to this length, its last character an ellipsis.</summary>
    public const int MaxOffendingTextLength = 256;

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What was wrong.</param>
    /// <param name="tableName">The table being decoded, when known.</param>
    /// <param name="columnName">The column being decoded, when the error is about one column.</param>
    /// <param name="offendingText">The JSON text that could not be decoded, when there is one.</param>
    /// <param name="detail">A sentence saying what was expected.</param>
    /// <param name="innerException">The lower-level error, if any.</param>
    public SkaftinDecodeException(
        DecodeErrorKind kind,
        string? tableName,
        string? columnName,
        string? offendingText,
        string detail,
        Exception? innerException = null)
        : base(BuildMessage(tableName, columnName, Truncate(offendingText), detail), innerException)
    {
        Kind = kind;
        TableName = tableName;
        ColumnName = columnName;
        OffendingText = Truncate(offendingText);
        Detail = detail;
    }

    /// <summary>What was wrong.</summary>
    public DecodeErrorKind Kind { get; }

    /// <summary>The table being decoded, when known.</summary>
    public string? TableName { get; }

    /// <summary>The column being decoded, when the error is about one column.</summary>
    public string? ColumnName { get; }

    /// <summary>The JSON text that could not be decoded (at most <see cref="MaxOffendingTextLength"/> characters).</summary>
    public string? OffendingText { get; }

    /// <summary>A sentence saying what was expected.</summary>
    public string Detail { get; }

    private static string? Truncate(string? text) =>
        text is null ? null : SkaftinJson.Truncate(text, MaxOffendingTextLength);

    private static string BuildMessage(string? table, string? column, string? offendingText, string detail)
    {
        var where = (table, column) switch
        {
            (not null, not null) => $"column '{column}' of table '{table}'",
            (not null, null) => $"a row of table '{table}'",
            (null, not null) => $"field '{column}'",
            _ => "a payload",
        };
        return offendingText is null
            ? $"Cannot decode {where}: {detail}"
            : $"Cannot decode {where}: {detail} Found: {offendingText}";
    }
}
