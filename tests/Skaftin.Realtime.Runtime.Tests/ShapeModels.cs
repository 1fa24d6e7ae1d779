using System;
using System.Collections.Generic;
using Skaftin.Realtime;

// Models whose generated readers once did not compile or gave a wrong value; ShapeTests reads rows into them.
namespace Skaftin.Realtime.Runtime.Tests.Shapes
{
    [SkaftinTable("buses")]
    public sealed class Bus
    {
        public Bus() => Stops = 12;

        public int Id { get; init; }

        public required string Name { get; init; }

        public int Seats { get; init; } = 5;

        public bool Enabled { get; init; } = true;

        public string Label { get; init; } = "none";

        public int Stops { get; init; }

        public int Count { get; set; } = 3;
    }

    [SkaftinTable("trips")]
    public sealed record Trip(int Id, string Route)
    {
        public int Stops { get; init; } = 7;
    }

    public abstract record Entity(Guid Id)
    {
        public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UnixEpoch;

        public List<string> Tags { get; init; } = new() { "new" };
    }

    [SkaftinTable("things")]
    public sealed record Thing(Guid Id, string Name, int Count = 3) : Entity(Id)
    {
        public required int Size { get; init; }

        public string Label { get; init; } = "x";
    }

    public enum Signed : sbyte
    {
        Minus = -1,
        Zero = 0,
    }

    [Flags]
    public enum Access : ulong
    {
        None = 0,
        Read = 1,
        Write = 2,
        Top = 0x8000000000000000,
    }

    [SkaftinTable("fares")]
    public sealed record Fare(
        int Id,
        decimal Amount = 1.50m,
        string Note = "say \"hi\"\n\t\\",
        double Rate = double.NaN,
        float Ceiling = float.PositiveInfinity,
        long Lowest = long.MinValue,
        Access Access = Access.Read | Access.Top,
        Signed Sign = Signed.Minus,
        Signed? MaybeSign = Signed.Minus,
        int? MaybeCount = -5,
        string? Missing = null);

    [SkaftinTable("settings")]
    public sealed record Setting([property: SkaftinKey] string Key, int Value, int HasKey, int Row, int Reader, int Table);

#pragma warning disable SA1300, IDE1006 // Keyword-named members are the point of this model.
    public enum @enum
    {
        @default,
        @class,
    }

    [SkaftinTable("keywords")]
    public sealed class Keyword
    {
        public int Id { get; init; }

        public int @class { get; init; }

        public int @event { get; set; }

        public required @enum @namespace { get; init; }
    }
#pragma warning restore SA1300, IDE1006

    [SkaftinTable("sparse_lists")]
    public sealed record SparseLists(int Id, List<string?> Tags, string?[] Names, IReadOnlyList<string?>? Labels);

    public enum Small : byte
    {
        A = 1,
        B = 2,
    }

    [Flags]
    public enum SmallFlags : byte
    {
        X = 1,
        Y = 2,
        Z = 128,
    }

    [Flags]
    public enum IntFlags
    {
        R = 1,
        W = 2,
    }

    [Flags]
    public enum UIntFlags : uint
    {
        Low = 1,
        High = 0x80000000,
    }

    [Flags]
    public enum AllBits : sbyte
    {
        None = 0,
        All = -1,
    }

    public enum Sparse
    {
        First = 0,
        Fifth = 5,
    }

    [SkaftinTable("enum_ranges")]
    public sealed record EnumRanges(
        int Id,
        Small? Small = null,
        SmallFlags? SmallFlags = null,
        IntFlags? IntFlags = null,
        UIntFlags? UIntFlags = null,
        Access? Wide = null,
        AllBits? AllBits = null,
        Sparse? Sparse = null,
        Other.Sparse? OtherSparse = null);
}

namespace Skaftin.Realtime.Runtime.Tests.Shapes.Other
{
    public enum Sparse
    {
        One = 1,
    }
}
