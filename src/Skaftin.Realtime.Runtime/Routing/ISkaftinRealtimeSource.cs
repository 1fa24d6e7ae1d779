namespace Skaftin.Realtime;

/// <summary>
/// Anything that delivers Skaftin events: the realtime client (and the testing package's fake server).
/// Generated extension methods such as <c>client.Vehicles()</c> hang off this interface; apps do not call it.
/// </summary>
public interface ISkaftinRealtimeSource
{
    /// <summary>The router that hands events to the typed tables (what the generated accessors register with).</summary>
    SkaftinEventRouter Router { get; }
}
