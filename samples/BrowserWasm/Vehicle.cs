using Skaftin.Realtime;

namespace BrowserWasm;

/// <summary>A row of the <c>vehicles</c> table; the generator turns it into <c>client.Vehicles()</c>.</summary>
/// <param name="Id">The key.</param>
/// <param name="RegistrationNumber">Column <c>registration_number</c>.</param>
/// <param name="Capacity">Seats, when known.</param>
[SkaftinTable("vehicles")]
public sealed record Vehicle([property: SkaftinKey] long Id, string RegistrationNumber, int? Capacity);
