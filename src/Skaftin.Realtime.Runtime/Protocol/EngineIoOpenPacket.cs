using System;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Reads the heartbeat a server announces in its Engine.IO open packet (<c>0{"sid":…,"pingInterval":25000,"pingTimeout":20000}</c>):
/// a connection is dead when no ping arrives within the interval plus the timeout, as the JavaScript client judges it.
/// </summary>
internal static class EngineIoOpenPacket
{
    /// <summary>The announced ping interval plus ping timeout, or null when <paramref name="frame"/> is no open packet that carries both.</summary>
    public static TimeSpan? TryReadHeartbeat(string frame)
    {
        if (frame.Length < 2 || frame[0] != '0' || frame[1] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(frame.AsMemory(1));
            var root = document.RootElement;
            return root.TryGetProperty("pingInterval", out var interval) && interval.TryGetInt32(out var intervalMs) && intervalMs > 0
                && root.TryGetProperty("pingTimeout", out var timeout) && timeout.TryGetInt32(out var timeoutMs) && timeoutMs > 0
                ? TimeSpan.FromMilliseconds((double)intervalMs + timeoutMs)
                : null;
        }
        catch (JsonException)
        {
            return null; // not an open packet we understand: the configured heartbeat timeout stays in force
        }
    }
}
