using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.DevServer;

/// <summary>
/// A typed client for the dev server's HTTP API. Every change made through it is announced to the project's room
/// (<c>database-change</c> or <c>project-event</c>), which is how tests make the server emit events.
/// </summary>
/// <remarks>
/// Rows, changes and event data are any value System.Text.Json can serialize (anonymous objects, dictionaries,
/// <see cref="JsonElement"/>, JSON nodes); property names are sent exactly as declared. Results are the server's JSON.
/// A non-success status throws <see cref="SkaftinDevServerException"/> carrying the status and body.
/// </remarks>
public sealed partial class SkaftinDevServerApi
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.General);

    private readonly HttpClient _http;

    /// <summary>Creates a client for a dev server at <paramref name="baseUrl"/>.</summary>
    /// <param name="httpClient">The HTTP client to send with; the caller owns it.</param>
    /// <param name="baseUrl">The server's base URL, e.g. <see cref="SkaftinDevServer.Url"/>.</param>
    /// <param name="apiKey">The key sent as <c>x-api-key</c>.</param>
    public SkaftinDevServerApi(HttpClient httpClient, Uri baseUrl, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(apiKey);
        _http = httpClient;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The API key this client authenticates with.</summary>
    public string ApiKey { get; }

    // ---- plumbing ----

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var text = await SendForTextAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private async Task<string> SendForTextAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
        request.Headers.TryAddWithoutValidation("x-api-key", ApiKey);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), s_json), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SkaftinDevServerException(
                $"{method} {path} failed with {(int)response.StatusCode} {response.StatusCode}: {text}",
                response.StatusCode,
                text);
        }

        return text;
    }

    private static string E(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Uri.EscapeDataString(segment);
    }

    private static string FormatId(object id) => id switch
    {
        null => throw new ArgumentNullException(nameof(id)),
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => id.ToString() ?? throw new ArgumentException("The id formats as null.", nameof(id)),
    };

    private static IReadOnlyList<string> Strings(JsonElement array)
    {
        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.GetString() ?? "");
        }

        return list;
    }
}
