using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>Every diagnostic in the catalogue, reported where the user can act on it, with its message.</summary>
public sealed class DiagnosticTests
{
    private static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity, int location, params object[] arguments) =>
        new DiagnosticResult(id, severity).WithLocation(location).WithArguments(arguments);

    [Fact]
    public Task SKR001_GenericType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("boxes")|}]
        public sealed record Box<T>(int Id, T Value);
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Box<T>", "it is generic; declare a non-generic row type per table") });

    [Fact]
    public Task SKR001_AbstractType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("shapes")|}]
        public abstract record Shape(int Id);
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Shape", "it is abstract; rows must be creatable") });

    [Fact]
    public Task SKR001_StructType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("points")|}]
        public record struct Point(int Id, int X);
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Point", "it is a struct; declare the row type as a record or class") });

    [Fact]
    public Task SKR001_PrivateNestedType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        public class Outer
        {
            [{|#0:SkaftinTable("secrets")|}]
            private sealed record Secret(int Id);
        }
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Outer.Secret", "it is not accessible to generated code; make it public or internal") });

    [Fact]
    public Task SKR001_FileLocalType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("drafts")|}]
        file sealed record Draft(int Id);
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Draft", "it is file-local ('file' modifier), so generated code in another file cannot see it; remove 'file' or make it internal") });

    [Fact]
    public Task SKR001_NestedInFileLocalType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        file static class Scratch
        {
            [{|#0:SkaftinTable("drafts")|}]
            internal sealed record Draft(int Id);
        }
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Scratch.Draft", "its containing type 'Scratch' is file-local ('file' modifier), so generated code in another file cannot see it; remove 'file' or make it internal") });

    [Fact]
    public Task SKR001_NoUsableConstructor() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("locked")|}]
        public sealed class Locked
        {
            private Locked() { }
            public int Id { get; set; }
        }
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Locked", "it has no accessible constructor to create rows with; add a public constructor (a parameterless one, or one whose parameters match properties), or mark one with [JsonConstructor]") });

    [Fact]
    public Task SKR001_TwoPublicConstructors() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("pairs")|}]
        public sealed class Pair
        {
            public Pair(int id) { Id = id; }
            public Pair(int id, string name) { Id = id; Name = name; }
            public int Id { get; }
            public string? Name { get; }
        }
        """,
        new[] { Diagnostic("SKR001", DiagnosticSeverity.Error, 0, "Pair", "it has 2 accessible constructors and none is parameterless or the primary constructor, so which one creates rows is ambiguous; mark one with [JsonConstructor]") });

    [Fact]
    public Task SKR002_EmptyTableName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable(" ")|}]
        public sealed record Blank(int Id);
        """,
        new[] { Diagnostic("SKR002", DiagnosticSeverity.Error, 0, " ", "Blank", "it is empty") });

    [Fact]
    public Task SKR002_InvalidCharacter() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("fleet vehicles")|}]
        public sealed record Vehicle(int Id);
        """,
        new[] { Diagnostic("SKR002", DiagnosticSeverity.Error, 0, "fleet vehicles", "Vehicle", "it contains ' ' (U+0020); use ASCII letters, digits, '_', '-' and '.'") });

    // Issue 21: a Cyrillic or full-width name has letters, just not ones generated names can be made of; the reason
    // used to say "it has no letter or digit".
    [Fact]
    public Task SKR002_CyrillicName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("машины")|}]
        public sealed record Vehicle(int Id);
        """,
        new[] { Diagnostic("SKR002", DiagnosticSeverity.Error, 0, "машины", "Vehicle", "it contains 'м' (U+043C); use ASCII letters, digits, '_', '-' and '.'") });

    [Fact]
    public Task SKR002_FullWidthName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("ｖｅｈｉｃｌｅｓ")|}]
        public sealed record Vehicle(int Id);
        """,
        new[] { Diagnostic("SKR002", DiagnosticSeverity.Error, 0, "ｖｅｈｉｃｌｅｓ", "Vehicle", "it contains 'ｖ' (U+FF56); use ASCII letters, digits, '_', '-' and '.'") });

    [Fact]
    public Task SKR002_NoAsciiLetterOrDigit() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("_-.")|}]
        public sealed record Vehicle(int Id);
        """,
        new[] { Diagnostic("SKR002", DiagnosticSeverity.Error, 0, "_-.", "Vehicle", "it has no ASCII letter or digit (a-z, A-Z, 0-9), which the generated type names are made of") });

    [Fact]
    public Task SKR003_DuplicateTableName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace A { [SkaftinTable("vehicles")] public sealed record Vehicle(int Id); }
        namespace B { [{|#0:SkaftinTable("vehicles")|}] public sealed record Vehicle(int Id, string Name); }
        """,
        new[] { Diagnostic("SKR003", DiagnosticSeverity.Error, 0, "vehicles", "A.Vehicle", "B.Vehicle") });

    [Fact]
    public Task SKR004_UnsupportedMemberType() => GeneratorHarness.VerifyAsync("""
        using System.Collections.Generic;
        using Skaftin.Realtime;
        public sealed record Address(string Street);
        [SkaftinTable("customers")]
        public sealed record Customer(int Id, Address {|#0:Home|}, Dictionary<string, int> {|#1:Scores|});
        """,
        new[]
        {
            Diagnostic("SKR004", DiagnosticSeverity.Error, 0, "Home", "Customer", "Address"),
            Diagnostic("SKR004", DiagnosticSeverity.Error, 1, "Scores", "Customer", "System.Collections.Generic.Dictionary<string, int>"),
        });

    [Fact]
    public Task SKR005_NoKey() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Logs;
        [{|#0:SkaftinTable("events")|}]
        public sealed record LogEvent(string Message, int Level);
        """,
        new[] { Diagnostic("SKR005", DiagnosticSeverity.Warning, 0, "Logs.LogEvent", "mark the primary-key member with [SkaftinKey] or name it 'Id', so delete events that carry only the key can be decoded") });

    // Issue 21: SKR005 said "declares no key" and advised naming a member Id when there was one: it was not a column.
    [Fact]
    public Task SKR005_IdIsAField() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Logs;
        [{|#0:SkaftinTable("events")|}]
        public sealed class LogEvent
        {
            public int Id;
            public string Message { get; set; } = "";
        }
        """,
        new[] { Diagnostic("SKR005", DiagnosticSeverity.Warning, 0, "Logs.LogEvent", "the member 'Id', which is not read from a column: it is a field; the reader sets properties and constructor parameters only; make it a settable property or a constructor parameter") });

    [Fact]
    public Task SKR005_KeyIsIgnored() => GeneratorHarness.VerifyAsync("""
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;
        namespace Logs;
        [{|#0:SkaftinTable("events")|}]
        public sealed record LogEvent(string Message)
        {
            [SkaftinKey, JsonIgnore] public long EventNo { get; init; }
        }
        """,
        new[] { Diagnostic("SKR005", DiagnosticSeverity.Warning, 0, "Logs.LogEvent", "[SkaftinKey] is on 'EventNo', which is not read from a column: it is ignored ([SkaftinIgnore] or [JsonIgnore]); make it a settable property or a constructor parameter") });

    [Fact]
    public Task SKR005_IdIsComputed() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Logs;
        [{|#0:SkaftinTable("events")|}]
        public sealed record LogEvent(string Message)
        {
            public int Id => Message.Length;
        }
        """,
        new[] { Diagnostic("SKR005", DiagnosticSeverity.Warning, 0, "Logs.LogEvent", "the member 'Id', which is not read from a column: it has no setter and no constructor parameter sets it; make it a settable property or a constructor parameter") });

    [Fact]
    public Task SKR005_SilencedByEditorConfig() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Logs;
        [SkaftinTable("events")]
        public sealed record LogEvent(string Message, int Level);
        """,
        editorConfig: "root = true\n\n[*.cs]\ndotnet_diagnostic.SKR005.severity = none\n");

    [Fact]
    public Task SKR005_SilencedByPragma() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Logs;
        #pragma warning disable SKR005
        [SkaftinTable("events")]
        public sealed record LogEvent(string Message, int Level);
        """);

    [Fact]
    public Task SKR006_CollidesWithDeclaredType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        public sealed class VehiclesRealtime { }
        [{|#0:SkaftinTable("vehicles")|}]
        public sealed record Vehicle(int Id);
        """,
        new[] { Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Fleet.VehiclesRealtime", "vehicles", "a type declared in this compilation") });

    [Fact]
    public Task SKR006_CollidesWithNonPartialOrStaticPartialType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        public static partial class VehiclesRealtime { }
        public partial class VehicleRowReader { }
        [{|#0:SkaftinTable("vehicles")|}]
        public sealed record Vehicle(int Id);
        """,
        new[]
        {
            Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Fleet.VehiclesRealtime", "vehicles", "a type declared in this compilation"),
            Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Fleet.VehicleRowReader", "vehicles", "a type declared in this compilation"),
        });

    [Fact]
    public Task SKR006_CollidesWithTheGeneratedPatchName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        public sealed class VehiclePatch { }
        [{|#0:SkaftinTable("vehicles")|}]
        public sealed record Vehicle(int Id);
        """,
        new[] { Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Fleet.VehiclePatch", "vehicles", "a type declared in this compilation") });

    [Fact]
    public Task UserPartialClassExtendsTheGeneratedTableClass() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        public sealed partial class VehiclesRealtime
        {
            public int Extra => 42;
        }
        partial class VehiclesRealtime
        {
            public string Name => Table;
        }
        [SkaftinTable("vehicles")]
        public sealed record Vehicle(int Id);
        """);

    [Fact]
    public Task SKR006_TwoTablesGenerateOneName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Transit;
        [SkaftinTable("taxi_ranks")]
        public sealed record Rank(int Id);
        [{|#0:SkaftinTable("TaxiRanks")|}]
        public sealed record TaxiRank(int Id);
        """,
        new[]
        {
            // Only the first table's code is generated, so the compiler sees no clash of its own.
            Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Transit.TaxiRanksRealtime", "TaxiRanks", "the class generated for table 'taxi_ranks' of 'Transit.Rank'"),
        });

    [Fact]
    public Task SKR007_DuplicateColumn() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [SkaftinTable("pairs")]
        public sealed record Pair(int Id, string Name, [SkaftinColumn("name")] string {|#0:Alias|});
        """,
        new[] { Diagnostic("SKR007", DiagnosticSeverity.Error, 0, "Name", "Alias", "Pair", "name") });

    [Fact]
    public Task SKR007_MembersDifferingOnlyInCase() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [SkaftinTable("users")]
        public sealed record User(int Id, int UserID, int {|#0:UserId|});
        """,
        new[] { Diagnostic("SKR007", DiagnosticSeverity.Error, 0, "UserID", "UserId", "User", "user_id") });

    [Fact]
    public Task SKR008_TwoKeys() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [SkaftinTable("links")]
        public sealed record Link([property: SkaftinKey] int From, [property: SkaftinKey] int {|#0:To|});
        """,
        new[] { Diagnostic("SKR008", DiagnosticSeverity.Error, 0, "Link", "more than one member has [SkaftinKey]; composite keys are not supported, mark one member") });

    [Fact]
    public Task SKR008_KeyOfUnsupportedType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [SkaftinTable("readings")]
        public sealed record Reading(double {|#0:Id|}, string Sensor);
        """,
        new[] { Diagnostic("SKR008", DiagnosticSeverity.Error, 0, "Reading", "the key 'Id' has type 'double'; a key must be a string, integer, Guid, enum, decimal or date") });

    // Issue 21: a bool key passed silently (every row of a table has one of two keys).
    [Fact]
    public Task SKR008_BoolKey() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [SkaftinTable("switches")]
        public sealed record Switch(bool {|#0:Id|}, string Name);
        """,
        new[] { Diagnostic("SKR008", DiagnosticSeverity.Error, 0, "Switch", "the key 'Id' has type 'bool'; a key must be a string, integer, Guid, enum, decimal or date") });

    // Issue 21: System.Text.Json reads such a column through the converter, the reader by its grammar: it says so.
    [Fact]
    public Task SKR015_ConverterOnAMember() => GeneratorHarness.VerifyAsync("""
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;
        namespace Sensors;
        public sealed class CelsiusConverter : JsonConverter<double>
        {
            public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble() - 273.15;
            public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value + 273.15);
        }
        [JsonConverter(typeof(JsonNumberEnumConverter<Unit>))]
        public enum Unit { Celsius, Kelvin }
        [JsonConverter(typeof(JsonStringEnumConverter))]
        public enum Place { Inside, Outside }
        [SkaftinTable("sensors")]
        public sealed record Sensor(int Id, [property: JsonConverter(typeof(CelsiusConverter))] double {|#0:Temperature|}, Unit? {|#1:Unit|}, Place Place);
        """,
        new[]
        {
            Diagnostic("SKR015", DiagnosticSeverity.Warning, 0, "Temperature", "Sensors.Sensor", "Sensors.CelsiusConverter", "", "double"),
            Diagnostic("SKR015", DiagnosticSeverity.Warning, 1, "Unit", "Sensors.Sensor", "System.Text.Json.Serialization.JsonNumberEnumConverter<Sensors.Unit>", " on its type 'Sensors.Unit'", "Sensors.Unit?"),
        });

    [Fact]
    public Task SKR009_OldLanguageVersion() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinTable("vehicles")|}]
        public sealed record Vehicle(int Id);
        """,
        new[] { Diagnostic("SKR009", DiagnosticSeverity.Error, 0, "Vehicle", "10.0") },
        LanguageVersion.CSharp10);

    [Fact]
    public Task SKR010_EmptyColumnName() => GeneratorHarness.VerifyAsync("""
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;
        [SkaftinTable("columns")]
        public sealed record Columns(
            int Id,
            [property: SkaftinColumn("")] string {|#0:Empty|},
            [SkaftinColumn("  ")] string {|#1:Blank|},
            [property: JsonPropertyName("")] string {|#2:Json|});
        """,
        new[]
        {
            Diagnostic("SKR010", DiagnosticSeverity.Error, 0, "", "Empty", "Columns"),
            Diagnostic("SKR010", DiagnosticSeverity.Error, 1, "  ", "Blank", "Columns"),
            Diagnostic("SKR010", DiagnosticSeverity.Error, 2, "", "Json", "Columns"),
        });

    [Fact]
    public Task SKR006_NestedTypeNextToConcatenatedName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        public static class Outer
        {
            [SkaftinTable("inner_rows")]
            public sealed record Inner(int Id);
        }
        [{|#0:SkaftinTable("outer_inner_rows")|}]
        public sealed record OuterInner(int Id);
        """,
        new[] { Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Fleet.OuterInnerRowReader", "outer_inner_rows", "the class generated for table 'inner_rows' of 'Fleet.Outer.Inner'") });

    [Fact]
    public Task SKR006_TableAndProjectEventOnOneType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        [SkaftinTable("orders")]
        [{|#0:SkaftinProjectEvent("order:created")|}]
        public sealed record Order(int Id);
        """,
        new[] { Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Fleet.OrderPatch", "order:created", "the class generated for table 'orders' of 'Fleet.Order'") });

    [Fact]
    public Task SKR011_ObsoleteAsErrorMember() => GeneratorHarness.VerifyAsync("""
        using System;
        using Skaftin.Realtime;
        [SkaftinTable("vehicles")]
        public sealed class Vehicle
        {
            public int Id { get; init; }

            [Obsolete("use Registration", true)]
            public string? {|#0:Plate|} { get; init; }
        }
        """,
        new[] { Diagnostic("SKR011", DiagnosticSeverity.Error, 0, "Vehicle.Plate", "Vehicle", "is [Obsolete] with error: true, so code using it cannot compile; leave the member out with [JsonIgnore] or [SkaftinIgnore], or drop error: true") });

    [Fact]
    public Task SKR011_ObsoleteAsErrorTableTypeAndEnum() => GeneratorHarness.VerifyAsync("""
        using System;
        using Skaftin.Realtime;
        [Obsolete("gone", true)]
        public enum Fuel { Petrol }
        [{|#0:SkaftinTable("vehicles")|}]
        [Obsolete("use Car", true)]
        public sealed class Vehicle
        {
            public int Id { get; init; }
        }
        [SkaftinTable("cars")]
        public sealed class Car
        {
            public int Id { get; init; }
            // Inside an obsolete member the compiler allows the obsolete type; generated code is not inside it.
            [Obsolete]
            public Fuel {|#1:Fuel|} { get; init; }
        }
        """,
        new[]
        {
            Diagnostic("SKR011", DiagnosticSeverity.Error, 0, "Vehicle", "Vehicle", "is [Obsolete] with error: true, so code using it cannot compile; drop error: true"),
            Diagnostic("SKR011", DiagnosticSeverity.Error, 1, "Fuel", "Car", "is [Obsolete] with error: true, so code using it cannot compile; leave the member out with [JsonIgnore] or [SkaftinIgnore], or drop error: true"),
        });

    // The compiler holds an [Experimental] id to identifier rules itself (CS9211), but not [Obsolete]'s DiagnosticId.
    [Fact]
    public Task SKR011_ObsoleteDiagnosticIdNoPragmaCanName() => GeneratorHarness.VerifyAsync("""
        using System;
        using Skaftin.Realtime;
        [SkaftinTable("vehicles")]
        public sealed class Vehicle
        {
            public int Id { get; init; }

            [Obsolete("use Capacity", DiagnosticId = "FLEET-001")]
            public int {|#0:Seats|} { get; init; }
        }
        """,
        new[] { Diagnostic("SKR011", DiagnosticSeverity.Error, 0, "Vehicle.Seats", "Vehicle", "is [Obsolete] with DiagnosticId 'FLEET-001', an id a #pragma cannot name, so generated code cannot silence it; use letters, digits and '_' in the id") });

    [Fact]
    public Task SKR012_LoneSurrogateInColumnNameAndEnumName() => GeneratorHarness.VerifyAsync("""
        using System.Runtime.Serialization;
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;
        public enum Mood { [EnumMember(Value = "sm\uDE00ile")] Happy }
        [SkaftinTable("notes")]
        public sealed record Note(
            int Id,
            [property: JsonPropertyName("text\uD800")] string {|#0:Text|},
            Mood {|#1:Mood|});
        """,
        new[]
        {
            Diagnostic("SKR012", DiagnosticSeverity.Error, 0, "text\\uD800", "the column of member 'Text' of 'Note'", "D800"),
            Diagnostic("SKR012", DiagnosticSeverity.Error, 1, "sm\\uDE00ile", "enum member 'Mood.Happy', the type of member 'Mood' of 'Note'", "DE00"),
        });

    [Fact]
    public Task SKR013_RequiredMemberNotRead() => GeneratorHarness.VerifyAsync("""
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;
        [SkaftinTable("vehicles")]
        public sealed class Vehicle
        {
            public int Id { get; init; }

            [JsonIgnore]
            public required string {|#0:Owner|} { get; init; }

            [SkaftinIgnore]
            public required string {|#1:Driver|} { get; init; }

            public required string {|#2:Depot|};
        }
        """,
        new[]
        {
            Diagnostic("SKR013", DiagnosticSeverity.Error, 0, "Owner", "Vehicle", "is excluded with [JsonIgnore]"),
            Diagnostic("SKR013", DiagnosticSeverity.Error, 1, "Driver", "Vehicle", "is excluded with [SkaftinIgnore]"),
            Diagnostic("SKR013", DiagnosticSeverity.Error, 2, "Depot", "Vehicle", "is a field, and the generated reader sets properties only"),
        });

    [Fact]
    public Task SKR013_NotReportedWhenTheConstructorSetsRequiredMembers() => GeneratorHarness.VerifyAsync("""
        using System.Diagnostics.CodeAnalysis;
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;
        [SkaftinTable("vehicles")]
        public sealed class Vehicle
        {
            [SetsRequiredMembers]
            public Vehicle(int id)
            {
                Id = id;
                Owner = "";
            }

            public int Id { get; }

            [JsonIgnore]
            public required string Owner { get; init; }
        }
        """);
}
