using System;
using System.Collections.Generic;

namespace Skaftin.Realtime.DevServer;

/// <summary>How <see cref="SkaftinDevServer.StartAsync"/> starts the dev server.</summary>
public sealed class SkaftinDevServerOptions
{
    /// <summary>The default API key spec: key <c>dev-key</c>, granting every project.</summary>
    public const string DefaultKeySpec = "dev-key=*";

    /// <summary>The port to listen on; 0 (the default) picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// API keys as <c>KEY=PROJECT1,PROJECT2</c> (or <c>KEY=*</c> for every project), each passed as one
    /// <c>--key</c>. The first key becomes <see cref="SkaftinDevServer.DefaultApiKey"/>. Default:
    /// <c>dev-key=*</c>; an empty list means the same.
    /// </summary>
    public IList<string> ApiKeys { get; set; } = new List<string> { DefaultKeySpec };

    /// <summary>Socket.IO <c>pingInterval</c> (<c>--ping-interval</c>); null keeps the server default (25 s).</summary>
    public TimeSpan? PingInterval { get; set; }

    /// <summary>Socket.IO <c>pingTimeout</c> (<c>--ping-timeout</c>); null keeps the server default (20 s).</summary>
    public TimeSpan? PingTimeout { get; set; }

    /// <summary>
    /// The dev server's folder (the one holding <c>server.js</c> and <c>package.json</c>). Null (the default):
    /// found by walking up from <see cref="AppContext.BaseDirectory"/> and from the current directory until a
    /// <c>devserver/package.json</c> exists.
    /// </summary>
    public string? DevServerDirectory { get; set; }

    /// <summary>
    /// Turns on Socket.IO connection state recovery (<c>--recovery</c>) for disconnections up to this long;
    /// null (the default) leaves it off.
    /// </summary>
    public TimeSpan? Recovery { get; set; }

    /// <summary>A PEM certificate file (<c>--tls-cert</c>); with <see cref="TlsKeyPath"/> the server speaks HTTPS and WSS.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="TlsCertificatePath"/> (<c>--tls-key</c>).</summary>
    public string? TlsKeyPath { get; set; }

    /// <summary>
    /// An SQLite database file (<c>--db</c>) so that rows survive <see cref="SkaftinDevServer.RestartAsync"/>;
    /// null (the default) keeps everything in memory, so a restarted server starts empty.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// A schema snapshot file (<c>--schema</c>, as written by <c>skaftin schema pull</c>) whose tables the server
    /// creates at start, in the snapshot's project. Tables already in <see cref="DatabasePath"/> with the same columns
    /// are kept; one there with other columns makes the start fail (a <see cref="SkaftinDevServerException"/> with the
    /// server's message). Null (the default): the server starts with no tables.
    /// </summary>
    public string? SchemaPath { get; set; }

    /// <summary>
    /// How long to wait for the server's LISTENING line (and, on restart, for its port to come free).
    /// Installing the server's npm packages is not counted. Default 60 s.
    /// </summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Passes <c>--verbose</c>: the server logs connections and room changes to stderr (see <see cref="Log"/>).</summary>
    public bool Verbose { get; set; }

    /// <summary>
    /// Which contract the server speaks (<c>--contract</c>). Default <see cref="DevServerContract.Dev"/>.
    /// <see cref="SilentJoins"/>, <see cref="JoinAnswerDelay"/>, <see cref="OmitOldData"/> and
    /// <see cref="ValidateCredential"/> need <see cref="DevServerContract.Seed"/>.
    /// </summary>
    public DevServerContract Contract { get; set; }

    /// <summary>
    /// Projects whose joins the server never answers: no <c>joined-project</c> and no ack, though the room is
    /// joined (<c>--silent-joins</c>); <c>*</c> means every project. Empty (the default): every join is answered.
    /// </summary>
    public IList<string> SilentJoins { get; set; } = new List<string>();

    /// <summary>
    /// How late the server answers the joins it answers (<c>--join-delay-ms</c>); the room is joined at once.
    /// Null (the default): at once.
    /// </summary>
    public TimeSpan? JoinAnswerDelay { get; set; }

    /// <summary>Update events carry no <c>oldData</c> (<c>--omit-old-data</c>).</summary>
    public bool OmitOldData { get; set; }

    /// <summary>
    /// Where the handshake carries the API key (<c>--credential-from</c>): <c>auth:NAME</c> (a field of the handshake's
    /// <c>auth</c> object), <c>query:NAME</c> (a query parameter) or <c>header:NAME</c> (an HTTP header, on both
    /// transports; an <c>authorization</c> header may say <c>Bearer KEY</c>). Null (the default): <c>auth:token</c>.
    /// Works with either <see cref="Contract"/>; the key is read from there and nowhere else.
    /// </summary>
    public string? CredentialFrom { get; set; }

    /// <summary>
    /// The credential (from <see cref="CredentialFrom"/>, by default <c>auth.token</c>), when the client sends one, must be a known key and joins are checked against
    /// its grants (<c>--validate-credential</c>); without it a credential is ignored. No credential always connects.
    /// </summary>
    public bool ValidateCredential { get; set; }

    /// <summary>
    /// Added to every event's <c>timestamp</c> (<c>--clock-skew-ms</c>; may be negative), as on a backend instance
    /// whose clock is off. Works with either <see cref="Contract"/>. Null (the default): no skew.
    /// </summary>
    public TimeSpan? ClockSkew { get; set; }

    /// <summary>
    /// Receives the server's stdout and stderr lines, <c>npm ci</c> output (prefixed <c>npm: </c>) and the
    /// launcher's own notes, for diagnostics. Called from background threads; exceptions it throws are ignored.
    /// </summary>
    public Action<string>? Log { get; set; }
}
