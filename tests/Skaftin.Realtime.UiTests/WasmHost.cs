using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Skaftin.Realtime.UiTests;

/// <summary>
/// samples/BrowserWasm's files, served as a static host serves a published WebAssembly app: the page from the sample's
/// wwwroot, the framework and the app's assemblies from its build output, on a free loopback port.
/// </summary>
internal sealed class WasmHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WasmHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where the page is served.</summary>
    public Uri Url { get; }

    public static async Task<WasmHost> StartAsync()
    {
        // bin/{Configuration}/net10.0 of this test, mirrored in the sample's folder (built first: a project reference).
        var output = Path.GetDirectoryName(typeof(WasmHost).Assembly.Location)!
            .Replace("tests/Skaftin.Realtime.UiTests", "samples/BrowserWasm", StringComparison.Ordinal);
        var framework = Path.Combine(output, "wwwroot");
        var sample = Path.GetFullPath(Path.Combine(output, "..", "..", ".."));
        Assert.True(Directory.Exists(Path.Combine(framework, "_framework")), "the WebAssembly sample was built: " + framework);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var files = new CompositeFileProvider(new PhysicalFileProvider(Path.Combine(sample, "wwwroot")), new PhysicalFileProvider(framework));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        // The runtime's ICU data (.dat) has no registered content type.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WasmHost(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
