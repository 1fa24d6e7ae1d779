using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// A reflection-free reader of one table's rows, generated for every <see cref="SkaftinTableAttribute"/> type.
/// Use the generated <c>{Type}RowReader.Instance</c> to decode rows fetched over REST, one object or a JSON array.
/// Every failure is a <see cref="SkaftinDecodeException"/>; no other exception escapes.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type, or <see cref="SkaftinNoKey"/>.</typeparam>
public abstract class SkaftinRowReader<TRow, TKey>
    where TRow : class
{
    /// <summary>The options every reader uses: comments and trailing commas are errors, depth is limited to 64.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Creates the reader for a table.</summary>
    /// <param name="tableName">The table's wire name, used in error messages.</param>
    protected SkaftinRowReader(string tableName) => TableName = tableName;

    /// <summary>The table's wire name.</summary>
    public string TableName { get; }

    /// <summary>
    /// The columns the row type reads: each wire column name mapped to the name of the C# member it fills (generated).
    /// The client uses it to name the members a schema drift affects (<see cref="SchemaDrift.AffectedMembers"/>).
    /// </summary>
    public abstract IReadOnlyDictionary<string, string> ColumnMembers { get; }

    /// <summary>Whether the row type declares a key (a <see cref="SkaftinKeyAttribute"/> member or one named <c>Id</c>).</summary>
    public abstract bool HasKey { get; }

    /// <summary>The key of a row (generated for tables with a key).</summary>
    /// <param name="row">The row.</param>
    /// <returns>Its key.</returns>
    /// <exception cref="NotSupportedException">The row type declares no key.</exception>
    public virtual TKey GetKey(TRow row) =>
        throw new NotSupportedException($"The row type of table '{TableName}' declares no key; mark one member with [SkaftinKey] or name it Id.");

    /// <summary>Decodes one row from UTF-8 JSON text holding exactly one object.</summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <returns>The row.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not a valid row.</exception>
    public TRow Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var row = Decode(ref reader, out _, out _, out var missingColumn, out _);
        EnsureEnd(ref reader);
        return row ?? throw MissingColumn(missingColumn);
    }

    // Read without the throw for a missing column, telling whether a column the model does not know was skipped: the
    // table reports both as schema drift (once), so the flag costs a row that matches nothing but a local.
    internal TRow? Read(ReadOnlySpan<byte> utf8Json, out string? missingColumn, out bool unknownColumns)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var row = Decode(ref reader, out _, out _, out missingColumn, out unknownColumns);
        EnsureEnd(ref reader);
        return row;
    }

    /// <summary>Decodes one row from JSON text holding exactly one object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The row.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not a valid row.</exception>
    public TRow Read(string json) => Read(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>
    /// Decodes the row object the reader is on (or starts at), leaving the reader on its closing <c>}</c>;
    /// it never reads past the row.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The row.</returns>
    /// <exception cref="SkaftinDecodeException">The object is not a valid row.</exception>
    public TRow Read(ref Utf8JsonReader reader)
    {
        var row = Decode(ref reader, out _, out _, out var missingColumn, out _);
        return row ?? throw MissingColumn(missingColumn);
    }

    /// <summary>Decodes a JSON array of rows.</summary>
    /// <param name="utf8Json">The JSON text of an array of objects.</param>
    /// <returns>The rows, in order.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not an array of valid rows.</exception>
    public List<TRow> ReadArray(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var rows = new List<TRow>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new SkaftinDecodeException(
                    DecodeErrorKind.WrongType, TableName, null, reader.TokenType == JsonTokenType.None ? "(empty)" : SkaftinJson.Describe(ref reader), "expected a JSON array of rows.");
            }

            while (true)
            {
                if (!reader.Read())
                {
                    throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, TableName, null, null, "the JSON ended before the array did.");
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                rows.Add(Read(ref reader));
            }
        }
        catch (Exception ex) when (IsReaderFailure(ex))
        {
            throw Malformed(ex);
        }

        EnsureEnd(ref reader);
        return rows;
    }

    /// <summary>Decodes a JSON array of rows.</summary>
    /// <param name="json">The JSON text of an array of objects.</param>
    /// <returns>The rows, in order.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not an array of valid rows.</exception>
    public List<TRow> ReadArray(string json) => ReadArray(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>
    /// Decodes a row that may be partial (a delete event may carry only the key).
    /// Returns the row when every required column is present, else null with the first missing column.
    /// </summary>
    /// <param name="utf8Json">The JSON text of one object.</param>
    /// <param name="key">The key, when <paramref name="hasKey"/>.</param>
    /// <param name="hasKey">Whether the key column was present.</param>
    /// <param name="missingColumn">The first required column that was missing, when the row is null.</param>
    /// <returns>The row, or null when a required column is missing.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not valid JSON or a column has the wrong type.</exception>
    public TRow? ReadPartial(ReadOnlySpan<byte> utf8Json, out TKey key, out bool hasKey, out string? missingColumn) =>
        ReadPartial(utf8Json, out key, out hasKey, out missingColumn, out _);

    internal TRow? ReadPartial(ReadOnlySpan<byte> utf8Json, out TKey key, out bool hasKey, out string? missingColumn, out bool unknownColumns)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var row = Decode(ref reader, out key, out hasKey, out missingColumn, out unknownColumns);
        EnsureEnd(ref reader);
        return row;
    }

    /// <summary>
    /// Decodes the columns one object holds (an update that may carry only the changed ones), each as strictly as in a
    /// whole row; absent columns stay absent (never defaulted).
    /// </summary>
    /// <param name="utf8Json">The JSON text of one object.</param>
    /// <returns>The patch: which columns came and their typed values.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not one valid JSON object or a column has the wrong type.</exception>
    public RowPatch<TRow, TKey> ReadPatch(ReadOnlySpan<byte> utf8Json) => ReadPatch(utf8Json, out _);

    internal RowPatch<TRow, TKey> ReadPatch(ReadOnlySpan<byte> utf8Json, out bool unknownColumns)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        RowPatch<TRow, TKey> patch;
        try
        {
            patch = ReadPatchObject(ref reader, out unknownColumns);
        }
        catch (Exception ex) when (IsReaderFailure(ex))
        {
            throw Malformed(ex);
        }

        EnsureEnd(ref reader);
        return patch;
    }

    /// <summary>Decodes the columns one object holds, as <see cref="ReadPatch(ReadOnlySpan{byte})"/>.</summary>
    /// <param name="json">The JSON text of one object.</param>
    /// <returns>The patch.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not one valid JSON object or a column has the wrong type.</exception>
    public RowPatch<TRow, TKey> ReadPatch(string json) => ReadPatch(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>
    /// Implemented by generated code: reads the object the reader is on (or starts at) as a patch, leaving the reader on
    /// its closing <c>}</c>; throws <see cref="SkaftinDecodeException"/> for a wrong value.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="unknownColumns">Whether the object held a column the row type has no member for (skipped).</param>
    /// <returns>The patch.</returns>
    protected abstract RowPatch<TRow, TKey> ReadPatchObject(ref Utf8JsonReader reader, out bool unknownColumns);

    /// <summary>
    /// Implemented by generated code: the whole row <paramref name="patch"/> makes of <paramref name="row"/> (each column
    /// from the patch when it came, else from the row), or null when a column is in neither (no row given, or a
    /// member that cannot be read back from a row).
    /// </summary>
    /// <param name="patch">A patch this reader read.</param>
    /// <param name="row">The row before the change, or null to build the row from the patch alone.</param>
    /// <returns>The row, or null.</returns>
    protected abstract TRow? MergePatch(RowPatch<TRow, TKey> patch, TRow? row);

    // RowPatch completes rows through this (an app's assembly that sees the runtime's internals overrides MergePatch as
    // protected all the same).
    internal TRow? Merge(RowPatch<TRow, TKey> patch, TRow? row) => MergePatch(patch, row);

    /// <summary>
    /// Implemented by generated code: decodes the object the reader is on (or starts at), leaving the reader on its
    /// closing <c>}</c>. Returns null when a required column is missing and names it; throws
    /// <see cref="SkaftinDecodeException"/> for a wrong value.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="key">The key, when <paramref name="hasKey"/>.</param>
    /// <param name="hasKey">Whether the key column was present.</param>
    /// <param name="missingColumn">The first required column that was missing, when the result is null.</param>
    /// <param name="unknownColumns">Whether the object held a column the row type has no member for (skipped).</param>
    /// <returns>The row, or null when a required column is missing.</returns>
    protected abstract TRow? ReadRow(ref Utf8JsonReader reader, out TKey key, out bool hasKey, out string? missingColumn, out bool unknownColumns);

    private TRow? Decode(ref Utf8JsonReader reader, out TKey key, out bool hasKey, out string? missingColumn, out bool unknownColumns)
    {
        // The row's object is at the reader's depth once started; the row is built only when the reader is back on its
        // closing brace, so an exception there comes from the row type's constructor or setters, not from the JSON.
        var rowDepth = reader.TokenType == JsonTokenType.None ? 0 : reader.CurrentDepth;
        try
        {
            return ReadRow(ref reader, out key, out hasKey, out missingColumn, out unknownColumns);
        }
        catch (Exception ex) when (ex is not SkaftinDecodeException && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == rowDepth)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.RowRejected, TableName, null, null,
                $"every column was read, but creating the {typeof(TRow).Name} threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        catch (Exception ex) when (IsReaderFailure(ex))
        {
            throw Malformed(ex);
        }
    }

    internal SkaftinDecodeException MissingColumn(string? column) =>
        new(DecodeErrorKind.MissingColumn, TableName, column, null, "the required column is missing.");

    private void EnsureEnd(ref Utf8JsonReader reader)
    {
        try
        {
            if (reader.Read())
            {
                throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, TableName, null, SkaftinJson.Describe(ref reader), "unexpected content after the JSON value.");
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
    }

    // Utf8JsonReader reports bad input as JsonException; the lenient readers may meet format and range errors
    // from the BCL parsers. Each becomes a typed decode error; nothing else escapes.
    private static bool IsReaderFailure(Exception ex) =>
        ex is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException;

    private SkaftinDecodeException Malformed(Exception ex) =>
        new(DecodeErrorKind.MalformedJson, TableName, null, null, ex.Message, ex);
}
