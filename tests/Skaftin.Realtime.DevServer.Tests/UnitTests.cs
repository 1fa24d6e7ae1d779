using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Skaftin.Realtime.DevServer.Internal;
using Xunit;

namespace Skaftin.Realtime.DevServer.Tests;

/// <summary>Launcher logic that needs no server (and never touches the real node_modules).</summary>
public sealed class UnitTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("skaftin-devserver-unit-");

    public void Dispose() => _temp.Delete(recursive: true);

    private string Touch(params string[] relative)
    {
        var path = Path.Combine(new[] { _temp.FullName }.Concat(relative).ToArray());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void Install_is_needed_until_both_socket_io_and_the_compiled_sqlite_addon_exist()
    {
        var dir = _temp.FullName;
        Assert.True(NpmInstaller.IsInstallNeeded(dir));

        Directory.CreateDirectory(Path.Combine(dir, "node_modules", "socket.io"));
        Assert.True(NpmInstaller.IsInstallNeeded(dir)); // an empty folder is a half-finished install

        Touch("node_modules", "socket.io", "package.json");
        Assert.True(NpmInstaller.IsInstallNeeded(dir)); // better-sqlite3 not compiled yet

        Touch("node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
        Assert.False(NpmInstaller.IsInstallNeeded(dir));

        File.Delete(Path.Combine(dir, "node_modules", "socket.io", "package.json"));
        Assert.True(NpmInstaller.IsInstallNeeded(dir));
    }

    [Fact]
    public async Task Ensure_installed_does_nothing_when_the_packages_are_there()
    {
        Touch("node_modules", "socket.io", "package.json");
        Touch("node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
        var task = NpmInstaller.EnsureInstalledAsync(_temp.FullName, new SafeLog(null), CancellationToken.None);
        Assert.True(task.IsCompletedSuccessfully);
        await task;
    }

    [Fact]
    public void Install_lock_is_per_folder_in_the_temp_directory()
    {
        var a = NpmInstaller.LockPathFor("/some/repo/devserver");
        Assert.Equal(a, NpmInstaller.LockPathFor("/some/repo/devserver/"));
        Assert.NotEqual(a, NpmInstaller.LockPathFor("/other/repo/devserver"));
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()).TrimEnd(Path.DirectorySeparatorChar), Path.GetDirectoryName(a));
        Assert.EndsWith(".install.lock", a, StringComparison.Ordinal);
    }

    [Fact]
    public void Locator_walks_up_to_a_devserver_folder_with_a_package_json()
    {
        Directory.CreateDirectory(Path.Combine(_temp.FullName, "devserver")); // no package.json yet
        var deep = Directory.CreateDirectory(Path.Combine(_temp.FullName, "a", "b", "c")).FullName;
        Assert.Null(DevServerLocator.Find([Path.Combine(_temp.FullName, "missing"), deep]));

        Touch("devserver", "package.json");
        Assert.Equal(Path.Combine(_temp.FullName, "devserver"), DevServerLocator.Find([Path.Combine(_temp.FullName, "missing"), deep]));
    }

    [Fact]
    public void Locator_finds_the_repository_devserver_from_the_test_output_folder()
    {
        var found = DevServerLocator.Resolve(null);
        Assert.True(File.Exists(Path.Combine(found, "server.js")));
        Assert.Equal("devserver", Path.GetFileName(found));
    }

    [Fact]
    public void Arguments_carry_the_schema_file_as_a_full_path_after_db()
    {
        Touch("devserver", "package.json");
        Touch("devserver", "server.js");
        var settings = SkaftinDevServer.Settings.From(new SkaftinDevServerOptions
        {
            DevServerDirectory = Path.Combine(_temp.FullName, "devserver"),
            DatabasePath = ":memory:",
            SchemaPath = "skaftin.schema.json",
        });
        Assert.Equal(
            ["server.js", "--port", "0", "--exit-on-stdin-close", "--key", "dev-key=*", "--db", ":memory:",
             "--schema", Path.GetFullPath("skaftin.schema.json")],
            SkaftinDevServer.BuildArguments(settings, 0));
    }

    [Fact]
    public void Arguments_carry_port_keys_ping_settings_db_and_verbose()
    {
        Touch("devserver", "package.json");
        Touch("devserver", "server.js");
        var settings = SkaftinDevServer.Settings.From(new SkaftinDevServerOptions
        {
            DevServerDirectory = Path.Combine(_temp.FullName, "devserver"),
            ApiKeys = [" k1=p1,p2 ", "k2=*"],
            PingInterval = TimeSpan.FromMilliseconds(1500.4),
            PingTimeout = TimeSpan.FromSeconds(2),
            DatabasePath = ":memory:",
            Verbose = true,
        });
        Assert.Equal("k1", settings.DefaultApiKey);
        Assert.Equal(
            ["server.js", "--port", "4321", "--exit-on-stdin-close", "--key", "k1=p1,p2", "--key", "k2=*",
             "--ping-interval", "1500", "--ping-timeout", "2000", "--db", ":memory:", "--verbose"],
            SkaftinDevServer.BuildArguments(settings, 4321));

        var defaults = SkaftinDevServer.Settings.From(new SkaftinDevServerOptions
        {
            DevServerDirectory = Path.Combine(_temp.FullName, "devserver"),
            ApiKeys = [],
        });
        Assert.Equal("dev-key", defaults.DefaultApiKey);
        Assert.Equal(["server.js", "--port", "0", "--exit-on-stdin-close", "--key", "dev-key=*"], SkaftinDevServer.BuildArguments(defaults, 0));
    }

    /// <summary>Settings for <paramref name="options"/> with a fake devserver folder in the temp directory.</summary>
    private SkaftinDevServer.Settings SettingsWithFakeFolder(SkaftinDevServerOptions options)
    {
        Touch("devserver", "package.json");
        Touch("devserver", "server.js");
        options.DevServerDirectory = Path.Combine(_temp.FullName, "devserver");
        return SkaftinDevServer.Settings.From(options);
    }

    [Fact]
    public void Contract_options_become_their_flags()
    {
        var settings = SettingsWithFakeFolder(new SkaftinDevServerOptions
        {
            Contract = DevServerContract.Seed,
            SilentJoins = [" p1 ", "p2"],
            JoinAnswerDelay = TimeSpan.FromSeconds(2),
            OmitOldData = true,
            ValidateCredential = true,
            ClockSkew = TimeSpan.FromSeconds(-90),
            CredentialFrom = "header:x-api-key",
        });
        Assert.Equal(
            ["server.js", "--port", "0", "--exit-on-stdin-close", "--key", "dev-key=*",
             "--contract", "seed", "--silent-joins", "p1,p2", "--join-delay-ms", "2000", "--omit-old-data",
             "--validate-credential", "--clock-skew-ms", "-90000", "--credential-from", "header:x-api-key"],
            SkaftinDevServer.BuildArguments(settings, 0));

        var skewedDev = SettingsWithFakeFolder(new SkaftinDevServerOptions { ClockSkew = TimeSpan.FromMilliseconds(1500) });
        Assert.Equal(["server.js", "--port", "0", "--exit-on-stdin-close", "--key", "dev-key=*", "--clock-skew-ms", "1500"], SkaftinDevServer.BuildArguments(skewedDev, 0));
    }

    [Fact]
    public void Seed_only_options_need_the_seed_contract()
    {
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { SilentJoins = ["p1"] }));
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { OmitOldData = true }));
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { ValidateCredential = true }));
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { JoinAnswerDelay = TimeSpan.FromSeconds(1) }));
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { Contract = DevServerContract.Seed, SilentJoins = ["a,b"] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { Contract = DevServerContract.Seed, JoinAnswerDelay = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { Contract = (DevServerContract)7 }));
    }

    [Theory]
    [InlineData("cookie:x")]
    [InlineData("token")]
    [InlineData("header:a b")]
    [InlineData("query:")]
    public void A_credential_place_the_server_cannot_read_is_refused(string source)
    {
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { CredentialFrom = source }));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { Port = 70000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { StartTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { PingInterval = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { ApiKeys = ["=p1"] }));
        Assert.Throws<ArgumentException>(() => SkaftinDevServer.Settings.From(new SkaftinDevServerOptions { ApiKeys = [" "] }));
    }

    [Theory]
    [InlineData("SKAFTIN_DEV_SERVER_LISTENING http://127.0.0.1:4006", 4006)]
    [InlineData("SKAFTIN_DEV_SERVER_LISTENING http://127.0.0.1:51234\r", 51234)]
    public void Listening_line_is_parsed(string line, int port)
    {
        Assert.True(ServerProcess.TryParseListening(line, out var url));
        Assert.Equal(port, url.Port);
        Assert.Equal("127.0.0.1", url.Host);
    }

    [Theory]
    [InlineData("")]
    [InlineData("listening on 4006")]
    [InlineData("SKAFTIN_DEV_SERVER_LISTENING not-a-url")]
    public void Other_lines_are_not_the_listening_line(string line)
    {
        Assert.False(ServerProcess.TryParseListening(line, out _));
    }
}
