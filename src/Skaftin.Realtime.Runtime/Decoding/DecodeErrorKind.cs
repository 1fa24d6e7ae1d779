namespace Skaftin.Realtime;

/// <summary>What was wrong with a payload that could not be decoded.</summary>
public enum DecodeErrorKind
{
    /// <summary>The text is not valid JSON, is truncated, or nests deeper than the reader allows.</summary>
    MalformedJson,

    /// <summary>A row or payload was expected to be a JSON object but was something else.</summary>
    NotAnObject,

    /// <summary>A column's JSON value has a type the member cannot take (text where a number was expected, say).</summary>
    WrongType,

    /// <summary>A number does not fit the member's type, or an enum name is not one of its members.</summary>
    OutOfRange,

    /// <summary>A required column is missing from an insert or update row.</summary>
    MissingColumn,

    /// <summary>A column holds <c>null</c> but its member is not nullable.</summary>
    NullNotAllowed,

    /// <summary>A required field of the event envelope (<c>type</c>, <c>projectId</c>, ...) is missing or invalid.</summary>
    InvalidEnvelope,

    /// <summary>
    /// Every column was read, but the row type refused the values: its constructor or a property setter threw
    /// (that exception is the <see cref="System.Exception.InnerException"/>).
    /// </summary>
    RowRejected,
}
