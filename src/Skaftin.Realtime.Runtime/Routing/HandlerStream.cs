using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;

namespace Skaftin.Realtime;

/// <summary>
/// The one way a handler list becomes an ordered async stream: a bounded buffer filled by a subscription that lasts
/// while the stream is enumerated. A reader that falls more than the capacity behind gets what was buffered, then
/// <see cref="StreamOverflowException"/>: never a silent gap.
/// </summary>
internal static class HandlerStream
{
    /// <summary>The stream over <paramref name="handlers"/>.</summary>
    /// <param name="handlers">What the stream subscribes to.</param>
    /// <param name="capacity">How many events may wait for the reader.</param>
    /// <param name="tableName">The table the stream is about, or null for every table (named in the overflow error).</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    public static IAsyncEnumerable<T> Create<T>(HandlerList<Action<T>> handlers, int capacity, string? tableName, CancellationToken cancellationToken)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be at least 1.");
        }

        return Read(handlers, capacity, tableName, cancellationToken);
    }

    private static async IAsyncEnumerable<T> Read<T>(HandlerList<Action<T>> handlers, int capacity, string? tableName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var subscription = handlers.Add(change =>
        {
            if (!channel.Writer.TryWrite(change))
            {
                channel.Writer.TryComplete(new StreamOverflowException(tableName, capacity));
            }
        });

        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var change))
            {
                yield return change;
            }
        }
    }
}
