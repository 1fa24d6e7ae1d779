using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.EndToEnd.Clients;

/// <summary>One kind of .NET client under test: connects, joins the project's room, and feeds a <see cref="Recorder"/>.</summary>
internal interface IBenchClient : IAsyncDisposable
{
    /// <summary>Connects and joins; completes once the server confirmed the join.</summary>
    Task StartAsync(Uri url, string apiKey, string projectId, CancellationToken cancellationToken);

    /// <summary>What runs, for the report.</summary>
    string Describe();
}

/// <summary>The client kinds of the benchmark.</summary>
internal static class ClientKinds
{
    public const string Sdk = "sdk";
    public const string Raw = "raw";
    public const string Handwritten = "handwritten";
    public const string Node = "node";
    public const string SdkInline = "sdk-inline";
    public const string SdkInlineUtf8 = "sdk-inline-utf8";
    public const string SdkWs = "sdk-ws";
    public const string SdkBigQueue = "sdk-q1m";
    public const string SdkReceiveThread = "sdk-receive-thread";

    /// <summary>The kinds a plain run measures.</summary>
    public static readonly string[] Default = { Sdk, SdkReceiveThread, Raw, Handwritten, Node };

    /// <summary>
    /// Every kind, with the diagnostic ones that <c>--clients</c> can ask for (<see cref="InlineRouterBenchClient"/>,
    /// <see cref="MinimalEngineIoBenchClient"/>).
    /// </summary>
    public static readonly string[] All = { Sdk, SdkReceiveThread, Raw, Handwritten, Node, SdkBigQueue, SdkInline, SdkInlineUtf8, SdkWs };

    public static IBenchClient Create(string kind, Recorder recorder) => kind switch
    {
        Sdk => new SdkBenchClient(recorder),
        Raw => new RawSocketBenchClient(recorder, typed: false),
        Handwritten => new RawSocketBenchClient(recorder, typed: true),
        SdkInline => new InlineRouterBenchClient(recorder, utf8: false),
        SdkInlineUtf8 => new InlineRouterBenchClient(recorder, utf8: true),
        SdkWs => new MinimalEngineIoBenchClient(recorder),
        SdkBigQueue => new SdkBenchClient(recorder, dispatchQueueCapacity: 1_000_000),
        SdkReceiveThread => new SdkBenchClient(recorder, dispatchOnReceiveThread: true),
        _ => throw new ArgumentException($"No .NET client of kind '{kind}'.", nameof(kind)),
    };

    public static string Label(string kind) => kind switch
    {
        Sdk => "sdk: SkaftinRealtimeClient, Vehicles().OnInserted(typed row)",
        Raw => "raw: SocketIOClient 3.0.6, On(r => r.GetValue(0))",
        Handwritten => "handwritten: SocketIOClient 3.0.6, GetValue<VehicleEventPoco>(0)",
        Node => "node: socket.io-client 4.8.4 (JS reference)",
        SdkInline => "sdk-inline (diagnostic): SDK router on the receive thread, GetRawText + GetBytes",
        SdkInlineUtf8 => "sdk-inline-utf8 (diagnostic): SDK router on the receive thread, raw UTF-8 copy",
        SdkWs => "sdk-ws (diagnostic): SDK router on a minimal Engine.IO websocket reader, no SocketIOClient",
        SdkBigQueue => "sdk-q1m (diagnostic): the SDK with DispatchQueueCapacity = 1,000,000",
        SdkReceiveThread => "sdk-receive-thread: the SDK with DispatchOnReceiveThread = true",
        _ => kind,
    };
}
