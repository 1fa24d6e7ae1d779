using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Skaftin.Realtime.Generator.Parsing;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// Loads the compiled zoo into a collectible context and reads rows through each model's generated reader: a row
/// with a known value in every column must come back exactly; where members have defaults, a row without their
/// columns must leave the defaults; a missing required column and a null in a non-nullable value column must be
/// typed errors naming the column.
/// </summary>
internal sealed class ZooReadBack
{
    private readonly List<ZooFinding> _findings;

    public ZooReadBack(List<ZooFinding> findings) => _findings = findings;

    /// <summary>How many member values were read and compared (or refused as they should be).</summary>
    public int RoundTrips { get; private set; }

    /// <summary>How many cells passed every read of their model.</summary>
    public int VerifiedCells { get; private set; }

    public void Run(byte[] image, IReadOnlyList<ZooModel> models)
    {
        var context = new AssemblyLoadContext("zoo", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image));
            foreach (var model in models)
            {
                var reader = assembly.GetType(model.ReaderTypeName);
                if (reader is null)
                {
                    _findings.Add(new ZooFinding(model, null, "no reader type", $"{model.ReaderTypeName} is not in the compiled zoo"));
                    continue;
                }

                var instance = reader.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                var read = reader.GetMethod("Read", new[] { typeof(string) })!;
                var verified = Check(model, instance, read, FullRow(model), static m => m.Sample.Expected, "wrong value");
                if (model.Form == DeclarationForm.InitializedProperty)
                {
                    verified &= Check(model, instance, read, KeyOnlyRow(), static m => m.Type.InitializerValue, "missing column loses the initializer");
                }
                else if (model.Form == DeclarationForm.DefaultParameter)
                {
                    verified &= Check(model, instance, read, KeyOnlyRow(), static m => m.Type.ParameterDefaultValue, "missing column loses the parameter default");
                }

                verified &= CheckRequiredColumnsAreRequired(model, instance, read);
                verified &= CheckNullIsRefused(model, instance, read);
                verified &= CheckInvalidIsRefused(model, instance, read);
                VerifiedCells += verified ? model.Members.Count : 0;
            }
        }
        finally
        {
            context.Unload();
        }
    }

    // Reads one row and compares every member with what was written; false when any differs or the read failed.
    private bool Check(ZooModel model, object instance, MethodInfo read, string json, Func<ZooMember, object?> expected, string mismatch)
    {
        object row;
        try
        {
            row = read.Invoke(instance, new object[] { json })!;
        }
        catch (TargetInvocationException ex)
        {
            _findings.Add(new ZooFinding(model, PinByColumn(model, ex.InnerException?.Message ?? ""), "read failed", $"{ex.InnerException?.GetType().Name}: {ex.InnerException?.Message} | row {Truncate(json)}"));
            return false;
        }

        var allEqual = true;
        foreach (var member in model.Members)
        {
            RoundTrips++;
            var property = row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name == member.Name);
            var actual = ZooValue.Canonical(property?.GetValue(row));
            var wanted = ZooValue.Canonical(expected(member));
            if (property is null || actual != wanted)
            {
                allEqual = false;
                _findings.Add(new ZooFinding(model, member, mismatch,
                    $"expected {wanted}, read {actual}"));
            }
        }

        return allEqual;
    }

    // A positional member of a non-nullable value type without a default has no value to fall back on: a row
    // without its column must be a MissingColumn error, never a row holding 0.
    private bool CheckRequiredColumnsAreRequired(ZooModel model, object instance, MethodInfo read)
    {
        var required = model.Form == DeclarationForm.Positional ? model.Members.FirstOrDefault(static m => ZooTypes.RejectsNull(m.Type)) : null;
        if (required is null)
        {
            return true;
        }

        RoundTrips++;
        return ExpectDecodeError(model, required, instance, read, KeyOnlyRow(), DecodeErrorKind.MissingColumn, "missing required column is no error");
    }

    // JSON null in a column of a non-nullable value type must be a typed error naming the column, never default(T).
    private bool CheckNullIsRefused(ZooModel model, object instance, MethodInfo read)
    {
        var allRefused = true;
        foreach (var member in model.Members.Where(static m => ZooTypes.RejectsNull(m.Type)))
        {
            RoundTrips++;
            var json = "{\"id\":4," + JsonSerializer.Serialize(Naming.ToSnakeCase(member.Name)) + ":null}";
            allRefused &= ExpectDecodeError(model, member, instance, read, json, null, "null into a non-nullable value is no error");
        }

        return allRefused;
    }

    // A value outside a scalar's type (a number out of range, an enum number naming no member, text of the wrong
    // shape) must be a typed error naming the column.
    private bool CheckInvalidIsRefused(ZooModel model, object instance, MethodInfo read)
    {
        var allRefused = true;
        foreach (var member in model.Members)
        {
            foreach (var value in ZooTypes.Refused(member.Type))
            {
                RoundTrips++;
                // Every other column valid, so nothing but this value can make the read fail.
                allRefused &= ExpectDecodeError(model, member, instance, read, FullRow(model, member, value), null, "invalid value is no error");
            }
        }

        return allRefused;
    }

    private bool ExpectDecodeError(ZooModel model, ZooMember member, object instance, MethodInfo read, string json, DecodeErrorKind? kind, string problem)
    {
        try
        {
            var row = read.Invoke(instance, new object[] { json });
            var property = row!.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name == member.Name);
            _findings.Add(new ZooFinding(model, member, problem, $"row {json} read as {ZooValue.Canonical(property?.GetValue(row))}"));
            return false;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is SkaftinDecodeException error)
        {
            // A missing-column error names the first missing required column, which may be another member's.
            var columns = kind == DecodeErrorKind.MissingColumn ? model.Members.Select(static m => Naming.ToSnakeCase(m.Name)) : new[] { Naming.ToSnakeCase(member.Name) };
            if ((kind is not null && error.Kind != kind) || !columns.Contains(error.ColumnName))
            {
                _findings.Add(new ZooFinding(model, member, problem + " of the right kind", $"row {json}: {error.Kind} on column '{error.ColumnName}': {error.Message}"));
                return false;
            }

            return true;
        }
        catch (TargetInvocationException ex)
        {
            _findings.Add(new ZooFinding(model, member, "untyped exception", $"row {json}: {ex.InnerException}"));
            return false;
        }
    }

    private static ZooMember? PinByColumn(ZooModel model, string message) =>
        model.Members.FirstOrDefault(m => message.Contains("'" + Naming.ToSnakeCase(m.Name) + "'", StringComparison.Ordinal));

    private static string FullRow(ZooModel model, ZooMember? replaced = null, string? replacement = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", 1);
            foreach (var member in model.Members)
            {
                writer.WritePropertyName(Naming.ToSnakeCase(member.Name));
                writer.WriteRawValue(member == replaced ? replacement! : member.Sample.Json);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string KeyOnlyRow() => "{\"id\":2}";

    private static string Truncate(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
}
