using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Cli;

/// <summary>The command line: <c>skaftin schema pull --url URL --project P [--key KEY] [--out FILE] [--check]</c>.</summary>
internal static class SkaftinCommand
{
    /// <summary>The environment variable read when <c>--key</c> is not given, so CI logs never show the key.</summary>
    public const string KeyVariable = "SKAFTIN_API_KEY";

    public const string DefaultOut = "skaftin.schema.json";

    public const string Usage =
        "usage: skaftin schema pull --url URL --project PROJECT [--key KEY] [--out FILE] [--check] [--timeout SECONDS]\n" +
        "  --url      the backend's API base URL, e.g. http://localhost:4006\n" +
        "  --project  the project whose tables are pulled\n" +
        "  --key      the API key (default: the " + KeyVariable + " environment variable)\n" +
        "  --out      the snapshot file (default: " + DefaultOut + ")\n" +
        "  --check    do not write: exit 1 when the file differs from the backend (takenAt and source ignored)\n" +
        "exit codes: 0 ok, 1 out of date, 2 usage, 3 unreachable, 4 key refused (401/403), 5 unknown project,\n" +
        "            6 malformed answer, 7 other HTTP status or file error";

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        if (args.Count >= 1 && args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        if (args.Count < 2 || args[0] != "schema" || args[1] != "pull")
        {
            stderr.WriteLine("skaftin: expected the command `schema pull`");
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }

        string? url = null, project = null, key = null, output = null;
        var check = false;
        var timeout = TimeSpan.FromSeconds(30);
        for (var i = 2; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--check")
            {
                check = true;
                continue;
            }

            if (arg is not ("--url" or "--project" or "--key" or "--out" or "--timeout"))
            {
                stderr.WriteLine($"skaftin: unknown option {arg}");
                stderr.WriteLine(Usage);
                return ExitCodes.Usage;
            }

            if (i + 1 >= args.Count)
            {
                stderr.WriteLine($"skaftin: {arg} needs a value");
                return ExitCodes.Usage;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--url": url = value; break;
                case "--project": project = value; break;
                case "--key": key = value; break;
                case "--out": output = value; break;
                default:
                    if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        stderr.WriteLine($"skaftin: --timeout must be a positive number of seconds, got {value}");
                        return ExitCodes.Usage;
                    }

                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
            }
        }

        key ??= environment(KeyVariable);
        if (url is null || project is null || string.IsNullOrEmpty(key))
        {
            stderr.WriteLine($"skaftin: --url, --project and a key (--key or {KeyVariable}) are required");
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            stderr.WriteLine($"skaftin: --url must be an absolute http or https URL, got {url}");
            return ExitCodes.Usage;
        }

        var source = SourceOf(baseUri);
        var pulled = await PullAsync(baseUri, source, project, key!, timeout, cancellationToken).ConfigureAwait(false);
        if (pulled.ExitCode != ExitCodes.Success)
        {
            stderr.WriteLine(pulled.Error);
            return pulled.ExitCode;
        }

        var snapshot = new SchemaSnapshot(project, DateTimeOffset.UtcNow, source, pulled.Tables!);
        var path = Path.GetFullPath(output ?? DefaultOut);
        return check ? Check(snapshot, path, stdout, stderr) : Write(snapshot, path, stdout, stderr);
    }

    private static int Write(SchemaSnapshot snapshot, string path, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            File.WriteAllText(path, snapshot.ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"skaftin: cannot write {path}: {e.Message}");
            return ExitCodes.OtherError;
        }

        stdout.WriteLine($"skaftin: wrote {path}: project {snapshot.ProjectId}, {snapshot.Tables.Count} table(s) from {snapshot.Source}");
        if (snapshot.Tables.Count == 0)
        {
            stderr.WriteLine($"skaftin: warning: project {snapshot.ProjectId} has no tables (is the project id right?)");
        }

        return ExitCodes.Success;
    }

    private static int Check(SchemaSnapshot backend, string path, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"skaftin: {path} does not exist; run `skaftin schema pull` without --check to write it");
            return ExitCodes.OutOfDate;
        }

        SchemaSnapshot file;
        try
        {
            file = SnapshotReader.ReadSnapshot(File.ReadAllText(path));
        }
        catch (Exception e) when (e is MalformedSchemaException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"skaftin: {path} is not a readable schema snapshot ({e.Message}); pull it again");
            return ExitCodes.OutOfDate;
        }

        var differences = SnapshotComparer.Differences(file, backend);
        if (differences.Count == 0)
        {
            stdout.WriteLine($"skaftin: {path} is up to date with {backend.Source} (project {backend.ProjectId}, {backend.Tables.Count} table(s))");
            return ExitCodes.Success;
        }

        stderr.WriteLine($"skaftin: {path} is out of date with {backend.Source} (project {backend.ProjectId}):");
        foreach (var line in differences)
        {
            stderr.WriteLine("  " + line);
        }

        stderr.WriteLine("run `skaftin schema pull` without --check to update it");
        return ExitCodes.OutOfDate;
    }

    /// <summary>The URL as recorded in the snapshot: no user info, query or fragment, no trailing slash.</summary>
    internal static string SourceOf(Uri url)
    {
        var builder = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        return builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private sealed record PullResult(int ExitCode, string? Error, IReadOnlyList<SnapshotTable>? Tables);

    private static async Task<PullResult> PullAsync(Uri baseUri, string source, string project, string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var requestUri = new Uri(source + "/api/projects/" + Uri.EscapeDataString(project) + "/tables");
        using var http = new HttpClient { Timeout = timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, requestUri);
        request.Headers.TryAddWithoutValidation("x-api-key", key);
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return new PullResult(ExitCodes.Unreachable, $"skaftin: cannot reach {source}: {e.Message}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PullResult(ExitCodes.Unreachable, $"skaftin: {source} did not answer within {timeout.TotalSeconds:0.#} s", null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var detail = ErrorDetail(body);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    break;
                case HttpStatusCode.Unauthorized:
                    return new PullResult(ExitCodes.Unauthorized, $"skaftin: {source} refused the API key (401{detail}); check --key or {KeyVariable}", null);
                case HttpStatusCode.Forbidden:
                    return new PullResult(ExitCodes.Unauthorized, $"skaftin: the API key does not grant project {project} (403{detail})", null);
                case HttpStatusCode.NotFound:
                case HttpStatusCode.BadRequest:
                    return new PullResult(ExitCodes.UnknownProject, $"skaftin: {source} does not know project {project} ({status}{detail}); check --project and --url", null);
                default:
                    return new PullResult(ExitCodes.OtherError, $"skaftin: {requestUri} answered {status} {response.ReasonPhrase}{detail}", null);
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                return new PullResult(ExitCodes.Success, null, SnapshotReader.ReadTableList(document.RootElement));
            }
            catch (JsonException e)
            {
                return new PullResult(ExitCodes.MalformedAnswer, $"skaftin: {requestUri} answered 200 with something that is not JSON ({e.Message}); is --url the Skaftin API?", null);
            }
            catch (MalformedSchemaException e)
            {
                return new PullResult(ExitCodes.MalformedAnswer, $"skaftin: {requestUri} answered 200 but not with a table list: {e.Message}; is --url the Skaftin API?", null);
            }
        }
    }

    private static string ErrorDetail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return ": " + error.GetString();
            }
        }
        catch (JsonException)
        {
        }

        return string.Empty;
    }
}
