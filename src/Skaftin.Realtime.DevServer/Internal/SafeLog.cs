using System;

namespace Skaftin.Realtime.DevServer.Internal;

/// <summary>Wraps the user's log callback so that a throwing callback never breaks an output pump.</summary>
internal sealed class SafeLog
{
    private readonly Action<string>? _sink;

    public SafeLog(Action<string>? sink)
    {
        _sink = sink;
    }

    public void Write(string line)
    {
        if (_sink is null)
        {
            return;
        }

        try
        {
            _sink(line);
        }
#pragma warning disable CA1031 // A diagnostics callback (e.g. an xunit output helper after its test ended) must not break the launcher.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
