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

                verified &= CheckPatches(model, instance, reader);
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

    // Patches read each column as strictly as a row: a whole row as a patch is complete and gives the same row; a patch
    // of one column holds exactly that column with its value (the typed property present, every other absent), and
    // applied to a row changes that member alone. A patch that cannot complete a row says so; it never guesses. The
    // patch's own members are looked up on its base class: a member of the model may hide one (a column IsComplete).
    private bool CheckPatches(ZooModel model, object instance, Type reader)
    {
        var readPatch = reader.GetMethod("ReadPatch", new[] { typeof(string) })!;
        var read = reader.GetMethod("Read", new[] { typeof(string) })!;
        object baseRow;
        object whole;
        try
        {
            baseRow = read.Invoke(instance, new object[] { FullRow(model) })!;
            whole = readPatch.Invoke(instance, new object[] { FullRow(model) })!;
        }
        catch (TargetInvocationException ex)
        {
            _findings.Add(new ZooFinding(model, PinByColumn(model, ex.InnerException?.Message ?? ""), "patch read failed", $"{ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}"));
            return false;
        }

        var ok = true;
        if (!(bool)whole.GetType().BaseType!.GetProperty("IsComplete")!.GetValue(whole)!)
        {
            _findings.Add(new ZooFinding(model, null, "a whole row read as an incomplete patch", string.Join(", ", (IEnumerable<string>)whole.GetType().BaseType!.GetProperty("Columns")!.GetValue(whole)!)));
            return false;
        }

        var fromWhole = whole.GetType().BaseType!.GetMethod("ToRow")!.Invoke(whole, null)!;
        foreach (var member in model.Members)
        {
            RoundTrips++;
            if (Value(fromWhole, member) != Value(baseRow, member))
            {
                ok = false;
                _findings.Add(new ZooFinding(model, member, "a whole patch gives another row", $"expected {Value(baseRow, member)}, got {Value(fromWhole, member)}"));
            }
        }

        foreach (var member in model.Members)
        {
            var other = member.Type.Samples.FirstOrDefault(s => ZooValue.Canonical(s.Expected) != ZooValue.Canonical(member.Sample.Expected));
            if (other is null)
            {
                continue;
            }

            RoundTrips++;
            var column = Naming.ToSnakeCase(member.Name);
            var json = "{\"id\":1," + JsonSerializer.Serialize(column) + ":" + other.Json + "}";
            object patch;
            try
            {
                patch = readPatch.Invoke(instance, new object[] { json })!;
            }
            catch (TargetInvocationException ex)
            {
                ok = false;
                _findings.Add(new ZooFinding(model, member, "patch of one column failed", $"{json}: {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}"));
                continue;
            }

            foreach (var each in model.Members)
            {
                var (present, value) = PatchValue(patch, model, each);
                var wanted = each == member;
                if (present != wanted || (wanted && value != ZooValue.Canonical(other.Expected)))
                {
                    ok = false;
                    _findings.Add(new ZooFinding(model, each, "patch holds a wrong column", $"{json}: present {present}, value {value}"));
                }
            }

            var arguments = new object?[] { baseRow, null };
            if (!(bool)patch.GetType().BaseType!.GetMethod("TryApplyTo")!.Invoke(patch, arguments)!)
            {
                continue; // a member the row cannot give back: no row, never a guessed one
            }

            foreach (var each in model.Members)
            {
                var wanted = each == member ? ZooValue.Canonical(other.Expected) : Value(baseRow, each);
                if (Value(arguments[1]!, each) != wanted)
                {
                    ok = false;
                    _findings.Add(new ZooFinding(model, each, "a patch applied to a row gives a wrong value", $"{json}: expected {wanted}, got {Value(arguments[1]!, each)}"));
                }
            }
        }

        return ok;
    }

    private static string Value(object row, ZooMember member) =>
        ZooValue.Canonical(row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name == member.Name)?.GetValue(row));

    // The generated patch's own typed property of the member (it may hide an inherited one of the same name).
    private static (bool Present, string Value) PatchValue(object patch, ZooModel model, ZooMember member)
    {
        var type = patch.GetType();
        var name = member.Name == type.Name ? member.Name + "_" : member.Name;
        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).First(p => p.Name == name && p.DeclaringType == type);
        var value = property.GetValue(patch)!;
        var present = (bool)value.GetType().GetProperty("IsPresent")!.GetValue(value)!;
        return (present, present ? ZooValue.Canonical(value.GetType().GetProperty("Value")!.GetValue(value)) : "(absent)");
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
