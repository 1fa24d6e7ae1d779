using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// Model shapes whose generated code once failed to compile in the consumer's project. Each compiles here under every
/// nullable setting with warnings as errors.
/// </summary>
public sealed class GeneratedCodeCompilesTests
{
    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void MembersNamedLikeTheGeneratedCodesOwnIdentifiers(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using Skaftin.Realtime;
        namespace Names;
        [SkaftinTable("names")]
        public sealed record Names(int Id, int Key, int HasKey, int MissingColumn, int Reader, int Table, int Expected, int Row,
            int Number, int Scratch, int Text, int Name, int Instance, int Value, int ValueKey, int Column, int Router, int Source)
        {
            public int Has { get; init; }
            public int R { get; set; }
            public int T { get; set; }
            public int C { get; set; }
        }
        """, nullable);

    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void KeyMemberNamedKey(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using Skaftin.Realtime;
        namespace Keys;
        [SkaftinTable("settings")]
        public sealed record Setting([property: SkaftinKey] string Key, int Value);
        """, nullable);

    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void StringCollectionsInEveryNullableContext(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using System.Collections.Generic;
        using Skaftin.Realtime;
        namespace Lists;
        [SkaftinTable("tags")]
        public sealed record Tagged(int Id, List<string> Tags, string[] Names, IReadOnlyList<string> Labels, IEnumerable<string> Words)
        {
            public List<string> More { get; set; } = new();
            public string[] Others { get; init; } = System.Array.Empty<string>();
        }
        """, nullable);

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Annotations)]
    public void CollectionsOfNullableStrings(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using System.Collections.Generic;
        using Skaftin.Realtime;
        namespace Lists;
        [SkaftinTable("sparse")]
        public sealed record Sparse(int Id, List<string?> Tags, string?[] Names, IReadOnlyList<string?>? Labels, List<string?>? Maybe);
        """, nullable);

    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void KeywordNamedMembers(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using Skaftin.Realtime;
        namespace Keywords;
        public enum @enum { @default, @class }
        [SkaftinTable("keywords")]
        public sealed class Keyword
        {
            public int Id { get; init; }
            public int @class { get; init; }
            public int @event { get; set; }
            public required int @return { get; init; }
            public @enum @namespace { get; init; }
        }
        [SkaftinTable("keyword_keys")]
        public sealed record KeywordKey([property: SkaftinKey] int @int, int @void);
        """, nullable);

    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void DefaultValuesOfEveryConstantKind(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using System;
        using Skaftin.Realtime;
        namespace Defaults;
        public enum Signed : sbyte { Minus = -1, Zero = 0 }
        [Flags] public enum Access : ulong { None = 0, Read = 1, Write = 2, Top = 0x8000000000000000 }
        [SkaftinTable("defaults")]
        public sealed record Defaulted(
            int Id,
            string Quote = "say \"hi\"\n\t\\ \u00e9",
            string Missing = null,
            float Nan = float.NaN,
            float Up = float.PositiveInfinity,
            float Down = float.NegativeInfinity,
            float Small = -1.5e-30f,
            double DNan = double.NaN,
            double DUp = double.PositiveInfinity,
            double DDown = double.NegativeInfinity,
            double Tiny = double.Epsilon,
            double Big = -1.7976931348623157E+308,
            double Tenth = 0.1,
            decimal Money = -79228162514264337593543950335m,
            decimal Scaled = 1.50m,
            int Negative = -2147483648,
            long Lowest = long.MinValue,
            ulong Highest = ulong.MaxValue,
            uint Unsigned = 4000000000,
            short Short = -32768,
            ushort UShort = 65535,
            byte Byte = 255,
            sbyte SByte = -128,
            bool Yes = true,
            Signed Sign = Signed.Minus,
            Signed? MaybeSign = Signed.Minus,
            Access Both = Access.Read | Access.Write | Access.Top,
            Access? MaybeBoth = Access.Read | Access.Top,
            int? MaybeNegative = -5,
            double? MaybeNan = double.NaN,
            DateTime When = default,
            Guid Who = default,
            DateTimeOffset? Never = null,
            long? NoLong = default,
            int[] NoNumbers = null!,
            System.Collections.Generic.List<int> NoList = null!);
        """.Replace("string Missing = null", nullable is NullableContextOptions.Enable or NullableContextOptions.Annotations ? "string? Missing = null" : "string Missing = null"), nullable);

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void NegativeAndFractionalDefaultsUnderAnyCulture(string culture)
    {
        // sv-SE writes a minus as U+2212 and de-DE a decimal comma; generated code must not depend on either.
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            GeneratedCompilation.AssertCompiles("""
                using System;
                using Skaftin.Realtime;
                namespace Defaults;
                public enum Signed : sbyte { Minus = -1, Zero = 0 }
                [Flags] public enum Bits : short { None = 0, Low = 1, Sign = -32768 }
                [SkaftinTable("defaults")]
                public sealed record Defaulted(int Id, int Negative = -5, double Half = -0.5, float Third = 1.25f, decimal Money = -1.5m,
                    Signed Sign = Signed.Minus, Bits Both = Bits.Low | Bits.Sign, Bits? Maybe = Bits.Sign, long Big = -9000000000);
                """, NullableContextOptions.Enable);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void EnumsWithOneSimpleNameFromTwoNamespaces(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using Skaftin.Realtime;
        namespace A { public enum Status { On, Off } }
        namespace A.B { public enum Status { Up, Down } }
        namespace AB { public enum Status { Left, Right } }
        namespace A_B { public enum Colour { Red } }
        namespace A { public static class B_ { public enum Colour { Blue } } }
        namespace Generic { public class Outer<T> { public enum Inner { X, Y } } }
        namespace App
        {
            [SkaftinTable("statuses")]
            public sealed record Statuses(int Id, A.Status First, A.B.Status Second, AB.Status Third, A_B.Colour Fourth, A.B_.Colour Fifth,
                Generic.Outer<int>.Inner Sixth, Generic.Outer<string>.Inner Seventh);
            public enum Row { A }
            public enum Key { B }
            [SkaftinTable("clashes")]
            public sealed record Clash(int Id, Row Row, Key Key);
        }
        """, nullable);

    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void NamesEqualToTheTypeTheTableAndTheGeneratedClasses(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using Skaftin.Realtime;
        namespace Vehicle
        {
            public enum Vehicle { Car }
            [SkaftinTable("vehicles")]
            public sealed record Vehicles(int Id, int VehiclesRealtime, int VehicleRowReader, int VehiclesRealtimeExtensions, int Router,
                Vehicle Vehicle, int Global, int System, int Skaftin)
            {
                public int Instance { get; init; } = 1;
                public int TableName { get; set; }
                public int HasKey { get; init; } = 2;
                public int GetKey { get; init; }
                public int ReadRow { get; init; }
                public int Defaults { get; init; } = 3;
            }
        }
        namespace System.Sub
        {
            [Skaftin.Realtime.SkaftinTable("table")]
            internal sealed class Table
            {
                public int Id { get; set; }
                public int Table2 { get; set; }
            }
        }
        [SkaftinTable("global_rows")]
        public sealed record GlobalRow(int Id, string? Name = "a");
        public static class Outer
        {
            public sealed class Middle
            {
                [SkaftinTable("inner_rows")]
                internal sealed record Inner(System.Guid Id, Outer.Middle.InnerKind Kind);
                internal enum InnerKind { A, B }
            }
        }
        """.Replace("string? Name", nullable is NullableContextOptions.Enable or NullableContextOptions.Annotations ? "string? Name" : "string Name"), nullable);

    [Theory]
    [MemberData(nameof(GeneratedCompilation.NullableContexts), MemberType = typeof(GeneratedCompilation))]
    public void InheritedAndDefaultedMembers(NullableContextOptions nullable) => GeneratedCompilation.AssertCompiles("""
        using System;
        using System.Collections.Generic;
        using Skaftin.Realtime;
        namespace Inherit;
        public abstract record Entity(Guid Id)
        {
            public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UnixEpoch;
            public List<string> Tags { get; init; } = new();
        }
        [SkaftinTable("things")]
        public sealed record Thing(Guid Id, string Name, int Count = 3) : Entity(Id)
        {
            public required int Size { get; init; }
            public string Label { get; init; } = "x";
            public int[] Numbers { get; set; } = Array.Empty<int>();
        }
        public class BaseRow
        {
            public int Id { get; set; }
            public string Note { get; init; } = "";
        }
        [SkaftinTable("derived_rows")]
        public class DerivedRow : BaseRow
        {
            public bool Enabled { get; init; } = true;
        }
        """, nullable);
}
