using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// Typed <c>project-event</c>s of one type. The generator derives one class per
/// <see cref="SkaftinProjectEventAttribute"/> type from this (<c>VehicleDispatchedEvents</c>); get it from the
/// client with the generated accessor (<c>client.VehicleDispatchedEvents()</c>), or subscribe at once with
/// <c>client.OnVehicleDispatched(…)</c>. An event whose data does not decode is reported to
/// <see cref="SkaftinRealtimeClient.OnError"/> as <see cref="RealtimeErrorKind.DecodeFailed"/>, never dropped silently;
/// every event, decoded or not, also reaches the raw <see cref="SkaftinRealtimeClient.OnProjectEvent"/> handlers.
/// </summary>
/// <typeparam name="TData">The declared data type.</typeparam>
public abstract class RealtimeProjectEvent<TData> : RealtimeProjectEventBase
    where TData : class
{
    /// <summary>The default buffer capacity of <see cref="Events(CancellationToken)"/>.</summary>
    public const int DefaultStreamCapacity = 10_000;

    private readonly HandlerList<Action<ProjectEvent<TData>>> _handlers = new();

    /// <summary>Creates the event source. Called by generated code.</summary>
    /// <param name="router">The router that delivers the events.</param>
    /// <param name="eventType">The event's <c>type</c> as the server sends it.</param>
    /// <param name="reader">The generated reader of the event's data.</param>
#pragma warning disable RS0022 // Generated project-event classes derive from this type by design.
    protected RealtimeProjectEvent(SkaftinEventRouter router, string eventType, SkaftinRowReader<TData, SkaftinNoKey> reader)
        : base(router ?? throw new ArgumentNullException(nameof(router)), eventType ?? throw new ArgumentNullException(nameof(eventType)))
    {
        Reader = reader ?? throw new ArgumentNullException(nameof(reader));
    }
#pragma warning restore RS0022

    /// <summary>The generated reader of the event's data.</summary>
    public SkaftinRowReader<TData, SkaftinNoKey> Reader { get; }

    /// <summary>Subscribes to the events of this type, in the order they arrived.</summary>
    /// <param name="handler">Receives each event, its data decoded.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable On(Action<ProjectEvent<TData>> handler) => _handlers.Add(handler);

    /// <summary>The events of this type as an observable (usable with System.Reactive, which this package does not need).</summary>
    /// <returns>The observable; each subscription lasts until disposed.</returns>
    public IObservable<ProjectEvent<TData>> AsObservable() => new HandlerObservable<ProjectEvent<TData>>(_handlers);

    /// <summary>The events of this type as an ordered async stream, buffering up to <see cref="DefaultStreamCapacity"/> events.</summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream; it subscribes when enumeration starts. If the reader falls more than the capacity behind, it delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    public IAsyncEnumerable<ProjectEvent<TData>> Events(CancellationToken cancellationToken) => Events(DefaultStreamCapacity, cancellationToken);

    /// <summary>The events of this type as an ordered async stream with a buffer of the given capacity.</summary>
    /// <param name="capacity">How many events may wait for the reader before the stream overflows.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream; it subscribes when enumeration starts. If the reader falls more than <paramref name="capacity"/> behind, it delivers what it buffered, then throws <see cref="StreamOverflowException"/>.</returns>
    public IAsyncEnumerable<ProjectEvent<TData>> Events(int capacity = DefaultStreamCapacity, CancellationToken cancellationToken = default) =>
        HandlerStream.Create(_handlers, capacity, null, cancellationToken);

    internal sealed override void Dispatch(ProjectEvent projectEvent, ReadOnlyMemory<byte> utf8Json)
    {
        if (_handlers.IsEmpty)
        {
            return;
        }

        TData data;
        try
        {
            data = Reader.Read(Encoding.UTF8.GetBytes(projectEvent.DataJson ?? "null"));
        }
        catch (SkaftinDecodeException ex)
        {
            // The reader names the event type where a table would be; the report says it is a project event's data.
            var error = new SkaftinDecodeException(ex.Kind, null, ex.ColumnName, ex.OffendingText, $"the data of project event '{EventType}' does not fit {typeof(TData).Name}: {ex.Detail}", ex);
            Router.ReportDecodeFailure(EventNames.ProjectEvent, null, projectEvent.Type, utf8Json, error);
            return;
        }

        var typed = new ProjectEvent<TData>(projectEvent.Type, projectEvent.ProjectId, data, projectEvent.Timestamp);
        foreach (var handler in _handlers.Snapshot)
        {
            try
            {
                handler(typed);
            }
            catch (Exception ex)
            {
                Router.ReportProjectHandlerFailure(projectEvent, utf8Json, ex);
            }
        }
    }
}
