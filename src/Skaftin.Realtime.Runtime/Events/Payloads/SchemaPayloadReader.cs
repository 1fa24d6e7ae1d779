using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Reads the <c>data</c> (and, for <c>alter_column</c>, <c>oldData</c>) of the eight schema events into
/// <see cref="SchemaChangeDetails"/>, with <see cref="Utf8JsonReader"/> only. The contract does not fix these shapes,
/// so the reader never fails: what it recognises is typed (fields as the dev server sends them, see schemas/README.md,
/// and a few other readings: a column named by a bare string, a rename that gives only the new name), a member that is
/// absent stays null, and every field it does not know, or whose value has another shape, is kept raw in <c>Extra</c>.
/// A <c>table</c> field is accepted (it repeats the event's <c>tableName</c>).
/// </summary>
internal static class SchemaPayloadReader
{
    /// <summary>The typed details of a schema event; never fails (see the class).</summary>
    public static SchemaChangeDetails Read(DatabaseChange change, string tableName) => change.Type switch
    {
        DatabaseChangeType.CreateTable => Object(change.Data, "data", ReadTableCreated) ?? new TableCreated(null),
        DatabaseChangeType.DropTable => Object(change.Data, "data", ReadTableDropped) ?? new TableDropped(),
        DatabaseChangeType.RenameTable => Object(change.Data, "data", (ref Utf8JsonReader reader, string _) => ReadTableRenamed(ref reader, tableName))
            ?? new TableRenamed(tableName, null),
        DatabaseChangeType.AddColumn => Wrapped(change.Data, "column", ReadColumn, static (c, extra) => new ColumnAdded(c) { Extra = extra }),
        DatabaseChangeType.AlterColumn => Wrapped(change.Data, "column", ReadColumn, (c, extra) => new ColumnAltered(
            c,
            change.OldData.IsEmpty ? null : Wrapped(change.OldData, "column", ReadColumn, static (old, _) => old)) { Extra = extra }),
        DatabaseChangeType.DropColumn => Wrapped(change.Data, "column", ReadColumn, static (c, extra) => new ColumnDropped(c) { Extra = extra }),
        DatabaseChangeType.CreateConstraint => Wrapped(change.Data, "constraint", ReadConstraint, static (c, extra) => new ConstraintCreated(c) { Extra = extra }),
        DatabaseChangeType.DropConstraint => Wrapped(change.Data, "constraint", ReadConstraint, static (c, extra) => new ConstraintDropped(c) { Extra = extra }),
        _ => throw new SkaftinDecodeException(DecodeErrorKind.InvalidEnvelope, change.TableName, "type", change.TypeName, "expected a schema event type."),
    };

    /// <summary>
    /// Reads <c>{name, type, primaryKey?, nullable?, default?, ...}</c>, or a bare string as the column's name; throws
    /// on any other value (the caller keeps it raw).
    /// </summary>
    public static SchemaColumn ReadColumn(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new SchemaColumn(PayloadJson.String(ref reader, path), null);
        }

        PayloadJson.ExpectObject(ref reader, path);
        string? name = null, type = null;
        bool? primaryKey = null, nullable = null;
        JsonElement? defaultValue = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = PayloadJson.Tolerant(ref reader, "name", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = PayloadJson.Tolerant(ref reader, "type", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("primaryKey"u8))
            {
                primaryKey = PayloadJson.Tolerant(ref reader, "primaryKey", PayloadJson.OptionalBoolean, ref extra);
            }
            else if (reader.ValueTextEquals("nullable"u8))
            {
                nullable = PayloadJson.Tolerant(ref reader, "nullable", PayloadJson.OptionalBoolean, ref extra);
            }
            else if (reader.ValueTextEquals("default"u8))
            {
                defaultValue = PayloadJson.Field(ref reader, path + ".default", PayloadJson.Element);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new SchemaColumn(name, type)
        {
            PrimaryKey = primaryKey,
            Nullable = nullable,
            Default = defaultValue,
            Extra = PayloadJson.Extra(extra),
        };
    }

    /// <summary>Reads <c>{name, type, columns?, ...}</c>, or a bare string as the constraint's name; throws on any other value.</summary>
    public static SchemaConstraint ReadConstraint(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new SchemaConstraint(PayloadJson.String(ref reader, path), null);
        }

        PayloadJson.ExpectObject(ref reader, path);
        string? name = null, type = null;
        IReadOnlyList<string>? columns = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = PayloadJson.Tolerant(ref reader, "name", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = PayloadJson.Tolerant(ref reader, "type", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("columns"u8))
            {
                columns = PayloadJson.Tolerant(ref reader, "columns", PayloadJson.Strings, ref extra);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new SchemaConstraint(name, type)
        {
            Columns = columns,
            Extra = PayloadJson.Extra(extra),
        };
    }

    private static TableCreated ReadTableCreated(ref Utf8JsonReader reader, string path)
    {
        string? primaryKey = null;
        IReadOnlyList<SchemaColumn>? columns = null;
        IReadOnlyList<SchemaConstraint>? constraints = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("table"u8))
            {
                PayloadJson.Tolerant(ref reader, "table", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("primaryKey"u8))
            {
                primaryKey = PayloadJson.Tolerant(ref reader, "primaryKey", PayloadJson.NullableString, ref extra);
            }
            else if (reader.ValueTextEquals("columns"u8))
            {
                columns = PayloadJson.Tolerant(ref reader, "columns", static (ref Utf8JsonReader r, string p) => PayloadJson.List(ref r, p, ReadColumn), ref extra);
            }
            else if (reader.ValueTextEquals("constraints"u8))
            {
                constraints = PayloadJson.Tolerant(ref reader, "constraints", static (ref Utf8JsonReader r, string p) => PayloadJson.List(ref r, p, ReadConstraint), ref extra);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new TableCreated(columns)
        {
            PrimaryKey = primaryKey,
            Constraints = constraints ?? [],
            Extra = PayloadJson.Extra(extra),
        };
    }

    private static TableDropped ReadTableDropped(ref Utf8JsonReader reader, string path)
    {
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("table"u8))
            {
                PayloadJson.Tolerant(ref reader, "table", PayloadJson.String, ref extra);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new TableDropped { Extra = PayloadJson.Extra(extra) };
    }

    // The old name is the event's table name unless the payload says otherwise.
    private static TableRenamed ReadTableRenamed(ref Utf8JsonReader reader, string tableName)
    {
        string? oldName = null, newName = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("oldName"u8))
            {
                oldName = PayloadJson.Tolerant(ref reader, "oldName", PayloadJson.String, ref extra);
            }
            else if (reader.ValueTextEquals("newName"u8))
            {
                newName = PayloadJson.Tolerant(ref reader, "newName", PayloadJson.String, ref extra);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new TableRenamed(oldName ?? tableName, newName) { Extra = PayloadJson.Extra(extra) };
    }

    // The record of an object payload read with `read`, or null when the payload is absent or not an object.
    private static T? Object<T>(System.ReadOnlyMemory<byte> data, string path, PayloadJson.ValueReader<T> read)
        where T : class =>
        PayloadJson.DecodeTolerant(data, path, (ref Utf8JsonReader reader, string p) => PayloadJson.SkipUnlessObject(ref reader) ? read(ref reader, p) : null!);

    // {table?, <member>: {...}, ...}: the column and constraint events' one shape; the member null when absent or of
    // a shape `read` refuses (then kept raw in the extra fields).
    private static TResult Wrapped<T, TResult>(System.ReadOnlyMemory<byte> data, string member, PayloadJson.ValueReader<T> read, System.Func<T?, IReadOnlyDictionary<string, JsonElement>, TResult> create)
        where T : class
    {
        var found = Object(data, "data", (ref Utf8JsonReader reader, string p) =>
        {
            T? value = null;
            Dictionary<string, JsonElement>? extra = null;
            while (PayloadJson.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("table"u8))
                {
                    PayloadJson.Tolerant(ref reader, "table", PayloadJson.String, ref extra);
                }
                else if (reader.ValueTextEquals(member))
                {
                    value = PayloadJson.Tolerant(ref reader, member, read, ref extra);
                }
                else
                {
                    PayloadJson.KeepExtra(ref reader, ref extra);
                }
            }

            return new Holder<T>(value, PayloadJson.Extra(extra));
        });
        return create(found?.Value, found?.Extra ?? PayloadJson.NoExtra);
    }

    private sealed record Holder<T>(T? Value, IReadOnlyDictionary<string, JsonElement> Extra);
}
