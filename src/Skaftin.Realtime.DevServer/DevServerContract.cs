namespace Skaftin.Realtime.DevServer;

/// <summary>Which reading of the wire contract the dev server speaks (<c>--contract</c>).</summary>
public enum DevServerContract
{
    /// <summary>
    /// The dev server's own strict contract (the default): an API key in the handshake, a <c>joined-project</c>
    /// answer to every granted join, full rows, one event per row, <c>tableName: null</c> on cron and import events.
    /// </summary>
    Dev,

    /// <summary>
    /// What a backend written from the seed may do (<c>--contract seed</c>): no credential required, no or late
    /// <c>joined-project</c> answers (<see cref="SkaftinDevServerOptions.SilentJoins"/>,
    /// <see cref="SkaftinDevServerOptions.JoinAnswerDelay"/>), updates carrying only the key and the changed
    /// columns, one event whose <c>data</c> is an array of rows for a bulk write, no <c>tableName</c> on cron and
    /// <c>import_dump</c> events.
    /// </summary>
    Seed,
}
