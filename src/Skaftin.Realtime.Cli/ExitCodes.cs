namespace Skaftin.Realtime.Cli;

/// <summary>The tool's exit codes: one per failure, so a CI script can tell them apart.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>--check</c>: the snapshot file is missing or differs from the backend.</summary>
    public const int OutOfDate = 1;

    /// <summary>Bad command line (unknown option, missing --url/--project/key).</summary>
    public const int Usage = 2;

    /// <summary>No answer from the backend (connection refused, DNS, TLS, timeout).</summary>
    public const int Unreachable = 3;

    /// <summary>401 or 403: the key is missing, wrong, or does not grant the project.</summary>
    public const int Unauthorized = 4;

    /// <summary>The backend does not know the project (404, or 400 on the project id).</summary>
    public const int UnknownProject = 5;

    /// <summary>The backend answered 200 with something that is not a table list.</summary>
    public const int MalformedAnswer = 6;

    /// <summary>Another HTTP status (5xx, ...) or the snapshot file could not be written.</summary>
    public const int OtherError = 7;
}
