using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>Reads one JSON value (the reader is on its first token) as a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token.</param>
/// <param name="table">The table being decoded, for error messages.</param>
/// <param name="column">The column being decoded, for error messages.</param>
/// <returns>The value.</returns>
public delegate T SkaftinValueReader<T>(ref Utf8JsonReader reader, string table, string column);
