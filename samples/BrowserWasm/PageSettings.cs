namespace BrowserWasm;

/// <summary>Where the page connects, read from its address: <c>?api=http://127.0.0.1:4006&amp;key=dev-key&amp;project=p1</c>.</summary>
/// <param name="ApiUrl">The Skaftin server.</param>
/// <param name="ApiKey">The API key (a browser app's key is public: give it one that grants only what the page may see).</param>
/// <param name="Project">The project to follow.</param>
public sealed record PageSettings(Uri ApiUrl, string ApiKey, string Project)
{
    /// <summary>Reads the settings from the page's address; what it does not name has the bundled dev server's default.</summary>
    /// <param name="pageUri">The page's full address.</param>
    /// <returns>The settings.</returns>
    public static PageSettings From(string pageUri)
    {
        var query = new Uri(pageUri).Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(static pair => pair.Split('=', 2))
            .ToDictionary(static pair => Uri.UnescapeDataString(pair[0]), static pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "");
        return new PageSettings(
            new Uri(query.GetValueOrDefault("api", "http://127.0.0.1:4006")),
            query.GetValueOrDefault("key", "dev-key"),
            query.GetValueOrDefault("project", "p1"));
    }
}
