namespace Skaftin.Realtime;

/// <summary>
/// Anything that delivers Skaftin events: the realtime client, or a bare <see cref="SkaftinEventRouter"/>.
/// Generated extension methods such as <c>source.Vehicles()</c> hang off this interface.
/// </summary>
public interface ISkaftinRealtimeSource
{
    /// <summary>The router that hands events to the typed tables.</summary>
    SkaftinEventRouter Router { get; }
}
