using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Skaftin.Realtime;

namespace LiveDashboard.Realtime;

/// <summary>
/// The app's REST calls: every row of a table, decoded by the generated reader of that table, and a change to a row.
/// Realtime events only say what changed; a first load and every reload after a missed stretch come from here.
/// </summary>
public sealed class RowsApi(IHttpClientFactory http, IOptions<SkaftinRealtimeOptions> realtime, DashboardOptions dashboard)
{
    /// <summary>Loads every row of <paramref name="table"/> in the dashboard's project.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="table">A generated table, such as <c>client.Vehicles()</c>.</param>
    /// <param name="cancellationToken">Abandons the call.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached or refused the call.</exception>
    public async Task<IReadOnlyList<TRow>> LoadAsync<TRow, TKey>(RealtimeTable<TRow, TKey> table, CancellationToken cancellationToken)
        where TRow : class
        where TKey : notnull
    {
        using var request = Request(HttpMethod.Get, RowsPath(table.TableName));
        using var response = await http.CreateClient(nameof(RowsApi)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return table.Reader.ReadArray(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Changes columns of one row; the server then sends the <c>update</c> event that confirms it.</summary>
    /// <param name="table">The row's table's wire name.</param>
    /// <param name="id">The row's key.</param>
    /// <param name="changes">The changed columns by wire name (<c>new { status = "in_service" }</c>).</param>
    /// <param name="cancellationToken">Abandons the call.</param>
    /// <returns>A task that completes when the server stored the change.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached or refused the change.</exception>
    public async Task UpdateAsync(string table, long id, object changes, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Patch, $"{RowsPath(table)}/{id}");
        request.Content = JsonContent.Create(changes);
        using var response = await http.CreateClient(nameof(RowsApi)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private string RowsPath(string table) =>
        $"api/projects/{Uri.EscapeDataString(dashboard.Project)}/tables/{Uri.EscapeDataString(table)}/rows";

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var options = realtime.Value;
        var request = new HttpRequestMessage(method, new Uri(options.ApiUrl, path));
        request.Headers.Add("x-api-key", options.ApiKey);
        return request;
    }
}
