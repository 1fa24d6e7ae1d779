namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The models of the snapshot tests. Shared with the Roslyn 4.8 leg (Skaftin.Realtime.Generator.Roslyn48.Tests),
/// which checks the generator gives the same baselines on the oldest Roslyn it supports.
/// </summary>
internal static class SnapshotSources
{
    public const string PositionalRecord = """
        using System;
        using Skaftin.Realtime;

        namespace Fleet;

        public enum VehicleStatus { Available, InService, OutOfService }

        [SkaftinTable("vehicles")]
        public partial record Vehicle(
            [property: SkaftinKey] int Id,
            string RegistrationNumber,
            VehicleStatus Status,
            int? Capacity,
            DateTimeOffset CreatedAt);
        """;

    public const string ClassWithInitProperties = """
        using System;
        using Skaftin.Realtime;

        namespace Fleet.Drivers;

        [SkaftinTable("drivers")]
        public sealed class Driver
        {
            public long Id { get; init; }
            public required string FullName { get; init; }
            public string? LicenceNumber { get; init; }
            public bool Active { get; set; } = true;
            public int Rating { get; init; }
            public string Display => FullName + " (" + Id + ")";
        }
        """;

    public const string EverySupportedType = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using Skaftin.Realtime;

        namespace Types;

        public enum Level : byte { Low = 1, High = 2 }

        [Flags]
        public enum Permissions { None = 0, Read = 1, Write = 2 }

        [SkaftinTable("all_types")]
        public sealed record AllTypes(
            Guid Id,
            string Text,
            bool Flag,
            byte U8,
            sbyte I8,
            short I16,
            ushort U16,
            int I32,
            uint U32,
            long I64,
            ulong U64,
            float F32,
            double F64,
            decimal Money,
            DateTime At,
            DateTimeOffset AtOffset,
            DateOnly Day,
            TimeOnly Time,
            JsonElement Meta,
            Level Level,
            Permissions Permissions,
            int[] Numbers,
            List<string> Tags,
            IReadOnlyList<Level> Levels,
            IReadOnlyList<int?> Sparse);
        """;

    public const string NullablesAndDefaults = """
        using System;
        using System.Collections.Generic;
        using Skaftin.Realtime;

        namespace Shop;

        public enum Colour { Red, Green }

        [SkaftinTable("products")]
        public sealed record Product(
            int Id,
            string? Name,
            decimal? Price,
            Colour? Colour,
            DateTimeOffset? DeletedAt,
            List<string>? Tags,
            int Stock = 10,
            string Currency = "EUR",
            Colour Fallback = Colour.Green);
        """;

    public const string ColumnRenames = """
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;

        namespace Renames;

        [SkaftinTable("people")]
        public sealed record Person(
            [property: SkaftinKey, SkaftinColumn("person_no")] int Number,
            [property: JsonPropertyName("givenName")] string FirstName,
            [SkaftinColumn("family")] string LastName,
            string HTTPEndpoint)
        {
            [SkaftinIgnore]
            public string? Nickname { get; set; }

            [JsonIgnore]
            public int Cached { get; set; }
        }
        """;

    public const string TwoTablesInOneAssembly = """
        using Skaftin.Realtime;

        namespace Transit;

        [SkaftinTable("taxi_associations")]
        public sealed record TaxiAssociation(int Id, string Name);

        [SkaftinTable("routes")]
        internal sealed record Route(int Id, int AssociationId, string? Label);
        """;

    public const string NullableKeys = """
        using System;
        using Skaftin.Realtime;

        namespace Keys;

        [SkaftinTable("tickets")]
        public sealed record Ticket(int? Id, string Title);

        [SkaftinTable("slugs")]
        public sealed record Slug([property: SkaftinKey] string? Code, Guid? Owner);
        """;

    public const string GlobalNamespaceAndNestedModel = """
        using Skaftin.Realtime;

        [SkaftinTable("notes")]
        public sealed record Note(int Id, string Body);

        public static class Models
        {
            [SkaftinTable("audit-log")]
            public sealed record AuditEntry(System.Guid Id, string Action);
        }
        """;

    // [Obsolete] and [Experimental] on the model, members and a member's enum: the generated file disables exactly
    // those ids; obsolete or experimental enum members (even error: true) are written by value (issue 21).
    public const string ObsoleteAndExperimentalDeclarations = """
        using System;
        using System.Diagnostics.CodeAnalysis;
        using Skaftin.Realtime;

        namespace Fleet;

        public enum Fuel
        {
            Petrol,
            [Obsolete("gone", true)] Leaded,
            [Experimental("FLEET001")] Hydrogen,
        }

        [SkaftinTable("vehicles")]
        [Obsolete("use Car")]
        public sealed class Vehicle
        {
            public int Id { get; init; }

            public Fuel Fuel { get; init; }

            [Obsolete]
            public string? Plate { get; init; }

            [Experimental("FLEET002")]
            public int Seats { get; init; }

            [Obsolete("custom", DiagnosticId = "FLEET003")]
            public string? Colour { get; set; }
        }
        """;

    // Row and ROW (names equal but for case) in a namespace with keywords: Roslyn refused the '@' and the second,
    // case-equal hint name, and the generator emitted nothing for any table (issue 21).
    public const string CaseOnlyNamesInAKeywordNamespace = """
        using Skaftin.Realtime;

        namespace @class.Models;

        [SkaftinTable("rows")]
        public sealed record Row(int Id);

        [SkaftinTable("upper_rows")]
        public sealed record ROW(int Id);
        """;

    // Names echoed into generated code with the characters that broke it: line breaks ending a /// comment,
    // quotes, backslashes, comment ends, markup, controls (issue 21).
    public const string NamesEscapedForTheirContext = """
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;

        [SkaftinTable("notes")]
        public sealed record Note(
            int Id,
            [property: JsonPropertyName("line\nbreak")] string A,
            [property: JsonPropertyName("cr\rlf\r\n")] string B,
            [property: JsonPropertyName("ls\u2028ps\u2029nel\u0085")] string C,
            [property: JsonPropertyName("q\"uote\\back */ --> <b>&amp;")] string D,
            [property: JsonPropertyName("tab\tnul\0")] string E);

        [SkaftinProjectEvent("note:\ncreated\u2028 */")]
        public sealed record NoteCreated(int NoteId);
        """;

    public const string JsonIgnoreConditions = """
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;

        namespace Shop;

        [SkaftinTable("orders")]
        public sealed record Order(int Id)
        {
            [JsonIgnore] public int Bare { get; init; }
            [JsonIgnore(Condition = JsonIgnoreCondition.Always)] public int Always { get; init; }
            [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int Never { get; init; }
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? WhenWritingNull { get; set; }
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int WhenWritingDefault { get; set; }
        }
        """;

    public const string EnumWireNames = """
        using System.Runtime.Serialization;
        using Skaftin.Realtime;

        namespace Shop;

        // [EnumMember] gives aliases as [JsonStringEnumMemberName] does (which .NET 8's reference assemblies lack).
        public enum Door
        {
            [EnumMember(Value = "B")] A,
            [EnumMember(Value = "A")] B,
            Open,
            OPEN,
        }

        [SkaftinTable("doors")]
        public sealed record DoorRow(int Id, Door State);
        """;

    public const string SkaftinColumnAndJsonPropertyName = """
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;

        namespace Shop;

        [SkaftinTable("items")]
        public sealed record Item(
            int Id,
            [property: JsonPropertyName("json_first"), SkaftinColumn("skaftin_second")] int First,
            [property: SkaftinColumn("skaftin_first"), JsonPropertyName("json_second")] int Second);
        """;
}
