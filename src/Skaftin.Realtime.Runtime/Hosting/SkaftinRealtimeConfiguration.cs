using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Skaftin.Realtime;

/// <summary>
/// Reads the <c>Skaftin</c> configuration section by hand: no reflection-based binder, so it is safe under trimming
/// and NativeAOT, and a malformed value names its key.
/// </summary>
internal static class SkaftinRealtimeConfiguration
{
    public static void Bind(IConfigurationSection section, SkaftinRealtimeOptions options)
    {
        if (section["ApiUrl"] is { Length: > 0 } url)
        {
            options.ApiUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri
                : throw Invalid(section, "ApiUrl", url, "an absolute URL such as http://localhost:4006");
        }

        if (section["ApiKey"] is { Length: > 0 } key)
        {
            options.ApiKey = key;
        }

        foreach (var project in section.GetSection("Projects").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(project.Value) && !options.Projects.Contains(project.Value!))
            {
                options.Projects.Add(project.Value!);
            }
        }

        if (section["Transport"] is { Length: > 0 } transport)
        {
            options.Transport = Enum.TryParse<SkaftinTransport>(transport, ignoreCase: true, out var parsed)
                ? parsed
                : throw Invalid(section, "Transport", transport, "WebSocket or Polling");
        }

        if (section["JoinConfirmation"] is { Length: > 0 } confirmation)
        {
            options.JoinConfirmation = Enum.TryParse<JoinConfirmation>(confirmation, ignoreCase: true, out var parsed) && Enum.IsDefined(typeof(JoinConfirmation), parsed)
                ? parsed
                : throw Invalid(section, "JoinConfirmation", confirmation, "ServerAnswer or OnEmit");
        }

        BindCredential(section.GetSection("Credential"), options.Credential);
        options.ConnectTimeout = TimeSpanOf(section, "ConnectTimeout") ?? options.ConnectTimeout;
        options.RequestTimeout = TimeSpanOf(section, "RequestTimeout") ?? options.RequestTimeout;
        options.HeartbeatTimeout = TimeSpanOf(section, "HeartbeatTimeout") ?? options.HeartbeatTimeout;
        options.DispatchQueueCapacity = IntOf(section, "DispatchQueueCapacity") ?? options.DispatchQueueCapacity;
        options.DispatchQueueFullWait = TimeSpanOf(section, "DispatchQueueFullWait") ?? options.DispatchQueueFullWait;
        options.MaxFrameBytes = IntOf(section, "MaxFrameBytes") ?? options.MaxFrameBytes;

        if (section["DispatchOnReceiveThread"] is { Length: > 0 } inline)
        {
            options.DispatchOnReceiveThread = bool.TryParse(inline, out var flag) ? flag : throw Invalid(section, "DispatchOnReceiveThread", inline, "true or false");
        }

        var reconnect = section.GetSection("Reconnect");
        if (reconnect["Enabled"] is { Length: > 0 } enabled)
        {
            options.Reconnect.Enabled = bool.TryParse(enabled, out var flag) ? flag : throw Invalid(reconnect, "Enabled", enabled, "true or false");
        }

        options.Reconnect.MaxAttempts = IntOf(reconnect, "MaxAttempts") ?? options.Reconnect.MaxAttempts;
        options.Reconnect.InitialDelay = TimeSpanOf(reconnect, "InitialDelay") ?? options.Reconnect.InitialDelay;
        options.Reconnect.MaxDelay = TimeSpanOf(reconnect, "MaxDelay") ?? options.Reconnect.MaxDelay;
    }

    private static void BindCredential(IConfigurationSection credential, SkaftinCredentialOptions options)
    {
        if (credential["Location"] is { Length: > 0 } location)
        {
            options.Location = Enum.TryParse<SkaftinCredentialLocation>(location, ignoreCase: true, out var parsed) && Enum.IsDefined(typeof(SkaftinCredentialLocation), parsed)
                ? parsed
                : throw Invalid(credential, "Location", location, "AuthField, QueryParameter or Header");
        }

        options.Name = credential["Name"] is { Length: > 0 } name ? name : options.Name;
        options.Prefix = credential["Prefix"] ?? options.Prefix;
    }

    private static TimeSpan? TimeSpanOf(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(section, key, text, "a time span such as 00:00:20")
            : null;

    private static int? IntOf(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(section, key, text, "a whole number")
            : null;

    private static InvalidOperationException Invalid(IConfigurationSection section, string key, string value, string expected) =>
        new($"Configuration value {section.Path}:{key} = '{value}' is not valid: expected {expected}.");
}
