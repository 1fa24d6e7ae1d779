using Microsoft.AspNetCore.Components;

namespace LiveDashboard.Components;

/// <summary>
/// A component fed by realtime events. Events arrive on the client's dispatch thread (or a timer, or the reconnect
/// loop), never on this circuit's renderer, so every update goes through <see cref="OnEvent"/>, which hands it to
/// <see cref="ComponentBase.InvokeAsync(Func{Task})"/>. Subscriptions given to <see cref="Own"/> end with the component.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _subscriptions = new();

    /// <summary>Keeps a subscription until the component is disposed.</summary>
    /// <param name="subscription">What a <c>table.OnChanged(...)</c> style call returned.</param>
    protected void Own(IDisposable subscription) => _subscriptions.Add(subscription);

    /// <summary>Keeps an event subscription until the component is disposed.</summary>
    /// <param name="unsubscribe">Removes the handler (<c>() =&gt; client.StateChanged -= handler</c>).</param>
    protected void Own(Action unsubscribe) => _subscriptions.Add(new Unsubscriber(unsubscribe));

    /// <summary>
    /// Runs <paramref name="update"/> on this circuit's renderer, then re-renders. A failure goes to the circuit's
    /// error handling (<see cref="ComponentBase.DispatchExceptionAsync"/>) instead of vanishing with a dropped task.
    /// </summary>
    /// <param name="update">What to do with the event, on the renderer.</param>
    protected void OnEvent(Func<Task> update) => _ = RunOnRendererAsync(update);

    /// <inheritdoc cref="OnEvent(Func{Task})"/>
    protected void OnEvent(Action update) => OnEvent(() =>
    {
        update();
        return Task.CompletedTask;
    });

    /// <summary>Ends every subscription given to <see cref="Own"/>.</summary>
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        GC.SuppressFinalize(this);
    }

    private async Task RunOnRendererAsync(Func<Task> update)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await update();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit is gone (the tab closed) while the event was on its way: nobody is left to show it to.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
