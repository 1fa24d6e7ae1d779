using System;

namespace Skaftin.Realtime;

/// <summary>
/// Ends a change stream whose reader fell more than its buffer's capacity behind. Rather than drop events
/// silently, the stream delivers everything it buffered and then throws this, so the app can resubscribe and reload.
/// </summary>
public sealed class StreamOverflowException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tableName">The table whose stream overflowed, or null for the stream of every change (<see cref="SkaftinRealtimeClient.AllChanges(int, System.Threading.CancellationToken)"/>).</param>
    /// <param name="capacity">The stream's buffer capacity.</param>
    public StreamOverflowException(string? tableName, int capacity)
        : base(tableName is null
            ? $"The stream of every change fell more than {capacity} events behind and was ended; reload and subscribe again."
            : $"The change stream of table '{tableName}' fell more than {capacity} events behind and was ended; reload the table and subscribe again.")
    {
        TableName = tableName;
        Capacity = capacity;
    }

    /// <summary>The table whose stream overflowed, or null for the stream of every change.</summary>
    public string? TableName { get; }

    /// <summary>The stream's buffer capacity.</summary>
    public int Capacity { get; }
}
