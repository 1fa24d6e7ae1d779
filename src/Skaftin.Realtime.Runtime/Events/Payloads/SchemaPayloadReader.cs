using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Reads the <c>data</c> (and, for <c>alter_column</c>, <c>oldData</c>) of the eight schema events into
/// <see cref="SchemaChangeDetails"/>, with <see cref="Utf8JsonReader"/> only. Fields as the dev server sends them (see
/// schemas/README.md); a <c>table</c> field is accepted (it repeats the event's <c>tableName</c>), any other unknown
/// field is kept in <c>Extra</c>.
/// </summary>
internal static class SchemaPayloadReader
{
    /// <summary>The typed details of a schema event.</summary>
    /// <exception cref="SkaftinDecodeException">The payload does not have the event type's shape.</exception>
    public static SchemaChangeDetails Read(DatabaseChange change) => change.Type switch
    {
        DatabaseChangeType.CreateTable => PayloadJson.Decode(change.Data, "data", ReadTableCreated),
        DatabaseChangeType.DropTable => PayloadJson.Decode(change.Data, "data", ReadTableDropped),
        DatabaseChangeType.RenameTable => PayloadJson.Decode(change.Data, "data", ReadTableRenamed),
        DatabaseChangeType.AddColumn => new ColumnAdded(Column(change.Data, "data", out var extra)) { Extra = extra },
        DatabaseChangeType.AlterColumn => new ColumnAltered(
            Column(change.Data, "data", out var extra),
            change.OldData.IsEmpty ? null : Column(change.OldData, "oldData", out _)) { Extra = extra },
        DatabaseChangeType.DropColumn => new ColumnDropped(Column(change.Data, "data", out var extra)) { Extra = extra },
        DatabaseChangeType.CreateConstraint => new ConstraintCreated(Constraint(change.Data, out var extra)) { Extra = extra },
        DatabaseChangeType.DropConstraint => new ConstraintDropped(Constraint(change.Data, out var extra)) { Extra = extra },
        _ => throw new SkaftinDecodeException(DecodeErrorKind.InvalidEnvelope, change.TableName, "type", change.TypeName, "expected a schema event type."),
    };

    /// <summary>Reads <c>{name, type, primaryKey?, nullable?, default?, ...}</c>.</summary>
    public static SchemaColumn ReadColumn(ref Utf8JsonReader reader, string path)
    {
        PayloadJson.ExpectObject(ref reader, path);
        string? name = null, type = null;
        bool? primaryKey = null, nullable = null;
        JsonElement? defaultValue = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = PayloadJson.Field(ref reader, path + ".name", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = PayloadJson.Field(ref reader, path + ".type", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("primaryKey"u8))
            {
                primaryKey = PayloadJson.Field(ref reader, path + ".primaryKey", PayloadJson.Boolean);
            }
            else if (reader.ValueTextEquals("nullable"u8))
            {
                nullable = PayloadJson.Field(ref reader, path + ".nullable", PayloadJson.Boolean);
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

        return new SchemaColumn(name ?? throw PayloadJson.Missing(path + ".name"), type ?? throw PayloadJson.Missing(path + ".type"))
        {
            PrimaryKey = primaryKey,
            Nullable = nullable,
            Default = defaultValue,
            Extra = PayloadJson.Extra(extra),
        };
    }

    /// <summary>Reads <c>{name, type, columns?, ...}</c>.</summary>
    public static SchemaConstraint ReadConstraint(ref Utf8JsonReader reader, string path)
    {
        PayloadJson.ExpectObject(ref reader, path);
        string? name = null, type = null;
        IReadOnlyList<string>? columns = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = PayloadJson.Field(ref reader, path + ".name", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = PayloadJson.Field(ref reader, path + ".type", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("columns"u8))
            {
                columns = PayloadJson.Field(ref reader, path + ".columns", static (ref Utf8JsonReader r, string p) => PayloadJson.List(ref r, p, PayloadJson.String));
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new SchemaConstraint(name ?? throw PayloadJson.Missing(path + ".name"), type ?? throw PayloadJson.Missing(path + ".type"))
        {
            Columns = columns,
            Extra = PayloadJson.Extra(extra),
        };
    }

    private static TableCreated ReadTableCreated(ref Utf8JsonReader reader, string path)
    {
        PayloadJson.ExpectObject(ref reader, path);
        string? primaryKey = null;
        IReadOnlyList<SchemaColumn>? columns = null;
        IReadOnlyList<SchemaConstraint>? constraints = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("table"u8))
            {
                PayloadJson.Field(ref reader, path + ".table", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("primaryKey"u8))
            {
                primaryKey = PayloadJson.Field(ref reader, path + ".primaryKey", PayloadJson.NullableString);
            }
            else if (reader.ValueTextEquals("columns"u8))
            {
                columns = PayloadJson.Field(ref reader, path + ".columns", static (ref Utf8JsonReader r, string p) => PayloadJson.List(ref r, p, ReadColumn));
            }
            else if (reader.ValueTextEquals("constraints"u8))
            {
                constraints = PayloadJson.Field(ref reader, path + ".constraints", static (ref Utf8JsonReader r, string p) => PayloadJson.List(ref r, p, ReadConstraint));
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new TableCreated(columns ?? throw PayloadJson.Missing(path + ".columns"))
        {
            PrimaryKey = primaryKey,
            Constraints = constraints ?? [],
            Extra = PayloadJson.Extra(extra),
        };
    }

    private static TableDropped ReadTableDropped(ref Utf8JsonReader reader, string path)
    {
        PayloadJson.ExpectObject(ref reader, path);
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("table"u8))
            {
                PayloadJson.Field(ref reader, path + ".table", PayloadJson.String);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new TableDropped { Extra = PayloadJson.Extra(extra) };
    }

    private static TableRenamed ReadTableRenamed(ref Utf8JsonReader reader, string path)
    {
        PayloadJson.ExpectObject(ref reader, path);
        string? oldName = null, newName = null;
        Dictionary<string, JsonElement>? extra = null;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("oldName"u8))
            {
                oldName = PayloadJson.Field(ref reader, path + ".oldName", PayloadJson.String);
            }
            else if (reader.ValueTextEquals("newName"u8))
            {
                newName = PayloadJson.Field(ref reader, path + ".newName", PayloadJson.String);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return new TableRenamed(oldName ?? throw PayloadJson.Missing(path + ".oldName"), newName ?? throw PayloadJson.Missing(path + ".newName"))
        {
            Extra = PayloadJson.Extra(extra),
        };
    }

    // {table?, column: {...}, ...}: the column events' one shape.
    private static SchemaColumn Column(System.ReadOnlyMemory<byte> data, string path, out IReadOnlyDictionary<string, JsonElement> extra)
    {
        var (column, kept) = PayloadJson.Decode(data, path, static (ref Utf8JsonReader reader, string p) => Wrapped(ref reader, p, "column", ReadColumn));
        extra = kept;
        return column;
    }

    // {table?, constraint: {...}, ...}: the constraint events' one shape.
    private static SchemaConstraint Constraint(System.ReadOnlyMemory<byte> data, out IReadOnlyDictionary<string, JsonElement> extra)
    {
        var (constraint, kept) = PayloadJson.Decode(data, "data", static (ref Utf8JsonReader reader, string p) => Wrapped(ref reader, p, "constraint", ReadConstraint));
        extra = kept;
        return constraint;
    }

    // An object holding an optional "table" and one required member read with `read`; the rest is kept.
    private static (T Value, IReadOnlyDictionary<string, JsonElement> Extra) Wrapped<T>(ref Utf8JsonReader reader, string path, string member, PayloadJson.ValueReader<T> read)
        where T : class
    {
        PayloadJson.ExpectObject(ref reader, path);
        T? value = null;
        Dictionary<string, JsonElement>? extra = null;
        var memberPath = path + "." + member;
        while (PayloadJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("table"u8))
            {
                PayloadJson.Field(ref reader, path + ".table", PayloadJson.String);
            }
            else if (reader.ValueTextEquals(member))
            {
                value = PayloadJson.Field(ref reader, memberPath, read);
            }
            else
            {
                PayloadJson.KeepExtra(ref reader, ref extra);
            }
        }

        return (value ?? throw PayloadJson.Missing(memberPath), PayloadJson.Extra(extra));
    }
}
