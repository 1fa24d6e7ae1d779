using System;

namespace Skaftin.Realtime;

// The router's share of project events: the raw handlers every project-event reaches, and the typed event sources
// of the types the app declared with [SkaftinProjectEvent].
public sealed partial class SkaftinEventRouter
{
    private readonly HandlerList<Action<ProjectEvent>> _projectEvents = new();
    private readonly NamedRegistry<RealtimeProjectEventBase> _projectEventTypes = new();

    /// <summary>
    /// Returns the one typed event source for project events of <paramref name="eventType"/>, creating it on first use.
    /// Generated extension methods call this; apps call those (<c>client.VehicleDispatchedEvents()</c>).
    /// </summary>
    /// <typeparam name="TEvent">The generated project-event class.</typeparam>
    /// <param name="eventType">The event's <c>type</c> as the server sends it.</param>
    /// <param name="factory">Creates the event source.</param>
    /// <returns>The event source.</returns>
    /// <exception cref="InvalidOperationException">Another data type already claimed the event type.</exception>
    public TEvent GetOrAddProjectEvent<TEvent>(string eventType, Func<SkaftinEventRouter, TEvent> factory)
        where TEvent : RealtimeProjectEventBase
    {
        return CastProjectEvent<TEvent>(_projectEventTypes.GetOrAdd(eventType, (factory, router: this), static s => s.factory(s.router)));
    }

    /// <summary>
    /// Subscribes to every <c>project-event</c> of the joined projects with its data as raw JSON: the types no type
    /// declares, and the declared ones too (after their typed handlers).
    /// </summary>
    /// <param name="handler">Receives each event.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    internal IDisposable OnProjectEvent(Action<ProjectEvent> handler) => _projectEvents.Add(handler);

    /// <summary>
    /// Delivers one <c>project-event</c>: to the typed handlers of its type when the app declared it, then to the raw
    /// <see cref="OnProjectEvent"/> handlers, synchronously and in the caller's order. Never throws: a malformed
    /// envelope, data that does not fit the declared type and throwing handlers go to <see cref="OnError"/>.
    /// </summary>
    /// <param name="utf8Json">The event's JSON object.</param>
    internal void DispatchProjectEvent(ReadOnlyMemory<byte> utf8Json)
    {
        if (!ClientEnvelopes.TryReadProjectEvent(utf8Json, out var projectEvent, out var error))
        {
            ReportDecodeFailure(EventNames.ProjectEvent, null, null, utf8Json, error!);
            return;
        }

        if (_projectEventTypes.Current.TryGetValue(projectEvent!.Type, out var typed))
        {
            typed.Dispatch(projectEvent, utf8Json);
        }

        foreach (var handler in _projectEvents.Snapshot)
        {
            try
            {
                handler(projectEvent);
            }
            catch (Exception ex)
            {
                ReportProjectHandlerFailure(projectEvent, utf8Json, ex);
            }
        }
    }

    private static TEvent CastProjectEvent<TEvent>(RealtimeProjectEventBase source)
        where TEvent : RealtimeProjectEventBase =>
        source as TEvent ?? throw new InvalidOperationException(
            $"Project event '{source.EventType}' is already bound to {source.GetType().FullName}; it cannot also be {typeof(TEvent).FullName}.");
}
