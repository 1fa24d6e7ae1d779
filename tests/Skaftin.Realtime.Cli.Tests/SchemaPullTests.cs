using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.Cli;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.Cli.Tests;

/// <summary><c>skaftin schema pull</c> against the real dev server: the file it writes, <c>--check</c>, and every failure's exit code.</summary>
[Collection(DevServerCollection.Name)]
public sealed class SchemaPullTests(DevServerFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skaftin-pull-").FullName;

    private SkaftinDevServer Server => fixture.Server;

    private string Url => Server.Url.ToString().TrimEnd('/');

    private string OutFile => Path.Combine(_folder, "skaftin.schema.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string NewProject() => "cli_" + Guid.NewGuid().ToString("N")[..12];

    private async Task CreateVehiclesAsync(string project)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Server.Api.CreateTableAsync(project, "vehicles",
        [
            new DevColumn("registration_number", "text", Nullable: false),
            new DevColumn("status", "text", Nullable: false, Default: "in_service"),
            new DevColumn("capacity", "integer"),
        ], cts.Token);
        await Server.Api.CreateConstraintAsync(project, "vehicles", new { name = "vehicles_reg_unique", type = "unique", columns = new[] { "registration_number" } }, cts.Token);
        await Server.Api.CreateTableAsync(project, "depots", [new DevColumn("name", "text", Nullable: false)], cts.Token);
    }

    private Task<ToolRun> PullAsync(string project, params string[] extra) =>
        ToolRun.InProcessAsync([.. new[] { "schema", "pull", "--url", Url, "--project", project, "--key", Server.DefaultApiKey, "--out", OutFile }, .. extra]);

    private static string WithoutTakenAt(string text) =>
        Regex.Replace(text, "\"takenAt\": \"[^\"]*\"", "\"takenAt\": \"(any)\"");

    [Fact(Timeout = 600_000)]
    public async Task PullWritesTheSnapshotInTheDocumentedLayout()
    {
        var project = NewProject();
        await CreateVehiclesAsync(project);

        var run = await PullAsync(project);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("2 table(s)", run.Stdout, StringComparison.Ordinal);
        var text = File.ReadAllText(OutFile);
        var expected = $$"""
            {
              "formatVersion": 1,
              "projectId": "{{project}}",
              "takenAt": "(any)",
              "source": "{{Url}}",
              "tables": [
                {
                  "name": "depots",
                  "primaryKey": "id",
                  "columns": [
                    {
                      "name": "id",
                      "type": "integer",
                      "nullable": false,
                      "primaryKey": true
                    },
                    {
                      "name": "name",
                      "type": "text",
                      "nullable": false
                    }
                  ],
                  "constraints": []
                },
                {
                  "name": "vehicles",
                  "primaryKey": "id",
                  "columns": [
                    {
                      "name": "id",
                      "type": "integer",
                      "nullable": false,
                      "primaryKey": true
                    },
                    {
                      "name": "registration_number",
                      "type": "text",
                      "nullable": false
                    },
                    {
                      "name": "status",
                      "type": "text",
                      "nullable": false,
                      "default": "in_service"
                    },
                    {
                      "name": "capacity",
                      "type": "integer",
                      "nullable": true
                    }
                  ],
                  "constraints": [
                    {
                      "name": "vehicles_reg_unique",
                      "type": "unique",
                      "columns": [
                        "registration_number"
                      ],
                      "index": "ix_p_{{project}}__vehicles__vehicles_reg_unique"
                    }
                  ]
                }
              ]
            }

            """;
        Assert.Equal(expected, WithoutTakenAt(text));
        Assert.Matches("\"takenAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"", text);
        Assert.Empty(SnapshotSchemaTests.Errors(text));
    }

    [Fact(Timeout = 600_000)]
    public async Task ARepullOfAnUnchangedBackendDiffersOnlyInTakenAt()
    {
        var project = NewProject();
        await CreateVehiclesAsync(project);
        Assert.Equal(ExitCodes.Success, (await PullAsync(project)).ExitCode);
        var first = File.ReadAllText(OutFile);
        await Task.Delay(20); // a later takenAt, so that the comparison below has something to ignore
        Assert.Equal(ExitCodes.Success, (await PullAsync(project)).ExitCode);
        var second = File.ReadAllText(OutFile);

        Assert.Equal(WithoutTakenAt(first), WithoutTakenAt(second));
    }

    [Fact(Timeout = 600_000)]
    public async Task CheckSaysUpToDateAndIgnoresTakenAtAndSource()
    {
        var project = NewProject();
        await CreateVehiclesAsync(project);
        Assert.Equal(ExitCodes.Success, (await PullAsync(project)).ExitCode);
        // A file pulled earlier from another address of the same backend is still up to date.
        var edited = File.ReadAllText(OutFile)
            .Replace($"\"source\": \"{Url}\"", "\"source\": \"http://elsewhere.example:4006\"", StringComparison.Ordinal);
        edited = Regex.Replace(edited, "\"takenAt\": \"[^\"]*\"", "\"takenAt\": \"2001-01-01T00:00:00.000Z\"");
        File.WriteAllText(OutFile, edited);

        var run = await PullAsync(project, "--check");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("is up to date", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(OutFile)); // --check never writes
    }

    [Fact(Timeout = 600_000)]
    public async Task CheckAfterAddColumnExitsOneAndNamesTheColumn()
    {
        var project = NewProject();
        await CreateVehiclesAsync(project);
        Assert.Equal(ExitCodes.Success, (await PullAsync(project)).ExitCode);
        var before = File.ReadAllText(OutFile);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Server.Api.AddColumnAsync(project, "vehicles", new DevColumn("mileage", "bigint"), cts.Token);

        var run = await PullAsync(project, "--check");

        Assert.True(run.ExitCode == ExitCodes.OutOfDate, run.ToString());
        Assert.Contains("is out of date", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("table vehicles: column mileage (bigint, nullable) is in the backend, not in the file", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("depots", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(OutFile));
    }

    [Fact(Timeout = 600_000)]
    public async Task CheckNamesAlteredDroppedAndNewTables()
    {
        var project = NewProject();
        await CreateVehiclesAsync(project);
        Assert.Equal(ExitCodes.Success, (await PullAsync(project)).ExitCode);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Server.Api.AlterColumnAsync(project, "vehicles", "capacity", type: "bigint", nullable: false, cancellationToken: cts.Token);
        await Server.Api.DropTableAsync(project, "depots", cts.Token);
        await Server.Api.CreateTableAsync(project, "drivers", [new DevColumn("name", "text")], cts.Token);

        var run = await PullAsync(project, "--check");

        Assert.True(run.ExitCode == ExitCodes.OutOfDate, run.ToString());
        Assert.Contains("table vehicles: column capacity: type integer -> bigint, nullable true -> false", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("table depots: in the file, not in the backend", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("table drivers: in the backend, not in the file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 600_000)]
    public async Task CheckWithoutAFileExitsOne()
    {
        var project = NewProject();
        await CreateVehiclesAsync(project);

        var run = await PullAsync(project, "--check");

        Assert.True(run.ExitCode == ExitCodes.OutOfDate, run.ToString());
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(OutFile));
    }

    [Fact(Timeout = 600_000)]
    public async Task TheBuiltToolTakesTheKeyFromTheEnvironmentAndReturnsItsExitCodes()
    {
        var project = NewProject();
        await CreateVehiclesAsync(project);
        var env = new Dictionary<string, string> { [SkaftinCommand.KeyVariable] = Server.DefaultApiKey };
        string[] pull = ["schema", "pull", "--url", Url, "--project", project, "--out", OutFile];

        var written = await ToolRun.ProcessAsync(env, pull);
        Assert.True(written.ExitCode == ExitCodes.Success, written.ToString());
        Assert.DoesNotContain(Server.DefaultApiKey, written.Stdout + written.Stderr + File.ReadAllText(OutFile), StringComparison.Ordinal);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Server.Api.DropColumnAsync(project, "vehicles", "capacity", cts.Token);
        var check = await ToolRun.ProcessAsync(env, [.. pull, "--check"]);
        Assert.True(check.ExitCode == ExitCodes.OutOfDate, check.ToString());
        Assert.Contains("table vehicles: column capacity is in the file, not in the backend", check.Stderr, StringComparison.Ordinal);

        var noKey = await ToolRun.ProcessAsync(new Dictionary<string, string>(), pull);
        Assert.True(noKey.ExitCode == ExitCodes.Usage, noKey.ToString());
        Assert.Contains(SkaftinCommand.KeyVariable, noKey.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 600_000)]
    public async Task AWrongKeyExitsFourWith401()
    {
        var run = await ToolRun.InProcessAsync("schema", "pull", "--url", Url, "--project", NewProject(), "--key", "not-a-key", "--out", OutFile);

        Assert.True(run.ExitCode == ExitCodes.Unauthorized, run.ToString());
        Assert.Contains("refused the API key (401: missing or invalid api key)", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(OutFile));
    }

    [Fact(Timeout = 600_000)]
    public async Task AKeyThatDoesNotGrantTheProjectExitsFourWith403()
    {
        var run = await ToolRun.InProcessAsync("schema", "pull", "--url", Url, "--project", "other_project", "--key", DevServerFixture.LimitedKey, "--out", OutFile);

        Assert.True(run.ExitCode == ExitCodes.Unauthorized, run.ToString());
        Assert.Contains("does not grant project other_project (403", run.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 600_000)]
    public async Task AProjectTheServerCannotKnowExitsFive()
    {
        // The dev server has no project registry: a well-formed id is a project with no tables (the tool warns), a
        // malformed one is refused with 400, which the tool reports as an unknown project.
        var run = await ToolRun.InProcessAsync("schema", "pull", "--url", Url, "--project", "no-such-project", "--key", Server.DefaultApiKey, "--out", OutFile);

        Assert.True(run.ExitCode == ExitCodes.UnknownProject, run.ToString());
        Assert.Contains("does not know project no-such-project (400: project id must be", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(OutFile));

        var empty = await ToolRun.InProcessAsync("schema", "pull", "--url", Url, "--project", NewProject(), "--key", Server.DefaultApiKey, "--out", OutFile);
        Assert.True(empty.ExitCode == ExitCodes.Success, empty.ToString());
        Assert.Contains("has no tables (is the project id right?)", empty.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 600_000)]
    public async Task AnUnreachableServerExitsThree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: the connection is refused

        var run = await ToolRun.InProcessAsync("schema", "pull", "--url", $"http://127.0.0.1:{port}", "--project", "demo", "--key", "k", "--out", OutFile);

        Assert.True(run.ExitCode == ExitCodes.Unreachable, run.ToString());
        Assert.Contains($"cannot reach http://127.0.0.1:{port}", run.Stderr, StringComparison.Ordinal);
    }

    [Theory(Timeout = 600_000)]
    [InlineData("200 OK", "<html>hello</html>", ExitCodes.MalformedAnswer, "something that is not JSON")]
    [InlineData("200 OK", "{\"tables\":[]}", ExitCodes.MalformedAnswer, "$: expected an array of tables, got an object")]
    [InlineData("200 OK", "[{\"table\":\"t\",\"primaryKey\":\"id\",\"columns\":[{\"name\":\"id\",\"type\":\"integer\"}],\"constraints\":[]}]", ExitCodes.MalformedAnswer, "$[0].columns[0]: missing \"nullable\"")]
    [InlineData("404 Not Found", "{\"error\":\"project demo not found\"}", ExitCodes.UnknownProject, "does not know project demo (404: project demo not found)")]
    [InlineData("500 Internal Server Error", "{\"error\":\"boom\"}", ExitCodes.OtherError, "answered 500 Internal Server Error: boom")]
    public async Task AnswersThatAreNotATableListHaveTheirOwnExitCode(string status, string body, int exitCode, string message)
    {
        await using var server = await OneAnswerServer.StartAsync(status, body);

        var run = await ToolRun.InProcessAsync("schema", "pull", "--url", server.Url, "--project", "demo", "--key", "k", "--out", OutFile);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(OutFile));
        Assert.Contains("GET /api/projects/demo/tables HTTP/1.1", server.Request, StringComparison.Ordinal);
        Assert.Contains("x-api-key: k", server.Request, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http://user:secret@localhost:4006/?key=x#f", "http://localhost:4006")]
    [InlineData("https://api.example.com/v1/", "https://api.example.com/v1")]
    public void TheSourceKeepsNoCredentialsOrQuery(string url, string source)
    {
        Assert.Equal(source, SkaftinCommand.SourceOf(new Uri(url)));
    }

    [Theory]
    [InlineData("schema", "push")]
    [InlineData("schema", "pull", "--url", "http://localhost:1", "--project")]
    [InlineData("schema", "pull", "--url", "localhost", "--project", "p", "--key", "k")]
    [InlineData("schema", "pull", "--url", "http://localhost:1", "--project", "p", "--key", "k", "--bogus")]
    public async Task ABadCommandLineExitsTwo(params string[] args)
    {
        var run = await ToolRun.InProcessAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("skaftin: ", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A raw loopback HTTP server that answers one request with a fixed status and body.</summary>
    private sealed class OneAnswerServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _serving;
        private readonly StringBuilder _request = new();

        private OneAnswerServer(string status, string body)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            _serving = ServeAsync(status, body);
        }

        public string Url { get; }

        public string Request
        {
            get
            {
                lock (_request)
                {
                    return _request.ToString();
                }
            }
        }

        public static Task<OneAnswerServer> StartAsync(string status, string body) => Task.FromResult(new OneAnswerServer(status, body));

        private async Task ServeAsync(string status, string body)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var client = await _listener.AcceptTcpClientAsync(cts.Token);
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var text = new StringBuilder();
            while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await stream.ReadAsync(buffer, cts.Token);
                if (n == 0)
                {
                    break;
                }

                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            lock (_request)
            {
                _request.Append(text);
            }

            var payload = Encoding.UTF8.GetBytes(body);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {payload.Length}\r\nconnection: close\r\n\r\n");
            await stream.WriteAsync(head, cts.Token);
            await stream.WriteAsync(payload, cts.Token);
            await stream.FlushAsync(cts.Token);
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await _serving.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
            {
            }
        }
    }
}
