using Microsoft.Extensions.Options;
using Skaftin.Realtime;

namespace LiveDashboard.Realtime;

/// <summary>
/// The app's REST call: every row of a table, decoded by the generated reader of that table. Realtime events only
/// say what changed; a first load and every reload after a missed stretch come from here.
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
        var options = realtime.Value;
        var path = $"api/projects/{Uri.EscapeDataString(dashboard.Project)}/tables/{Uri.EscapeDataString(table.TableName)}/rows";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ApiUrl, path));
        request.Headers.Add("x-api-key", options.ApiKey);
        using var response = await http.CreateClient(nameof(RowsApi)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return table.Reader.ReadArray(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}
