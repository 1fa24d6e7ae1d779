using System;
using System.Collections.Generic;
using Skaftin.Realtime;

namespace Skaftin.Realtime.Runtime.Tests;

// One keyless table per supported member type, each with the type itself, its nullable form and its collections,
// for the differential and grammar tests (same member names everywhere, so one JSON shape fits all).

[SkaftinTable("d_string")]
public sealed record DString(string Value, string? Maybe, List<string> Many, string[] Fixed);

[SkaftinTable("d_bool")]
public sealed record DBool(bool Value, bool? Maybe, List<bool> Many, bool[] Fixed, IReadOnlyList<bool?> Sparse);

// IReadOnlyList, not byte[]: System.Text.Json reads a byte[] from base64 text, the reader from an array of numbers.
[SkaftinTable("d_byte")]
public sealed record DByte(byte Value, byte? Maybe, List<byte> Many, IReadOnlyList<byte> Fixed, IReadOnlyList<byte?> Sparse);

[SkaftinTable("d_sbyte")]
public sealed record DSByte(sbyte Value, sbyte? Maybe, List<sbyte> Many, sbyte[] Fixed, IReadOnlyList<sbyte?> Sparse);

[SkaftinTable("d_int16")]
public sealed record DInt16(short Value, short? Maybe, List<short> Many, short[] Fixed, IReadOnlyList<short?> Sparse);

[SkaftinTable("d_uint16")]
public sealed record DUInt16(ushort Value, ushort? Maybe, List<ushort> Many, ushort[] Fixed, IReadOnlyList<ushort?> Sparse);

[SkaftinTable("d_int32")]
public sealed record DInt32(int Value, int? Maybe, List<int> Many, int[] Fixed, IReadOnlyList<int?> Sparse);

[SkaftinTable("d_uint32")]
public sealed record DUInt32(uint Value, uint? Maybe, List<uint> Many, uint[] Fixed, IReadOnlyList<uint?> Sparse);

[SkaftinTable("d_int64")]
public sealed record DInt64(long Value, long? Maybe, List<long> Many, long[] Fixed, IReadOnlyList<long?> Sparse);

[SkaftinTable("d_uint64")]
public sealed record DUInt64(ulong Value, ulong? Maybe, List<ulong> Many, ulong[] Fixed, IReadOnlyList<ulong?> Sparse);

[SkaftinTable("d_single")]
public sealed record DSingle(float Value, float? Maybe, List<float> Many, float[] Fixed, IReadOnlyList<float?> Sparse);

[SkaftinTable("d_double")]
public sealed record DDouble(double Value, double? Maybe, List<double> Many, double[] Fixed, IReadOnlyList<double?> Sparse);

[SkaftinTable("d_decimal")]
public sealed record DDecimal(decimal Value, decimal? Maybe, List<decimal> Many, decimal[] Fixed, IReadOnlyList<decimal?> Sparse);

[SkaftinTable("d_guid")]
public sealed record DGuid(Guid Value, Guid? Maybe, List<Guid> Many, Guid[] Fixed, IReadOnlyList<Guid?> Sparse);

[SkaftinTable("d_date_time")]
public sealed record DDateTime(DateTime Value, DateTime? Maybe, List<DateTime> Many, DateTime[] Fixed, IReadOnlyList<DateTime?> Sparse);

[SkaftinTable("d_date_time_offset")]
public sealed record DDateTimeOffset(DateTimeOffset Value, DateTimeOffset? Maybe, List<DateTimeOffset> Many, DateTimeOffset[] Fixed, IReadOnlyList<DateTimeOffset?> Sparse);

[SkaftinTable("d_date_only")]
public sealed record DDateOnly(DateOnly Value, DateOnly? Maybe, List<DateOnly> Many, DateOnly[] Fixed, IReadOnlyList<DateOnly?> Sparse);

[SkaftinTable("d_time_only")]
public sealed record DTimeOnly(TimeOnly Value, TimeOnly? Maybe, List<TimeOnly> Many, TimeOnly[] Fixed, IReadOnlyList<TimeOnly?> Sparse);

[SkaftinTable("d_enum")]
public sealed record DEnum(VehicleStatus Value, VehicleStatus? Maybe, List<VehicleStatus> Many, VehicleStatus[] Fixed, IReadOnlyList<VehicleStatus?> Sparse);

[SkaftinTable("d_flags")]
public sealed record DFlags(Permissions Value, Permissions? Maybe, List<Permissions> Many, Permissions[] Fixed, IReadOnlyList<Permissions?> Sparse);

[SkaftinTable("d_byte_array")]
public sealed record DByteArray(byte[] Value, byte[]? Maybe);

[SkaftinTable("d_json")]
public sealed record DJson(System.Text.Json.JsonElement Value, System.Text.Json.JsonElement? Maybe, List<System.Text.Json.JsonElement> Many, System.Text.Json.JsonElement[] Fixed, IReadOnlyList<System.Text.Json.JsonElement?> Sparse);
