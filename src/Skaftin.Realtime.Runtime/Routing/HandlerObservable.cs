using System;

namespace Skaftin.Realtime;

/// <summary>
/// An <see cref="IObservable{T}"/> over a handler list, so Rx users can compose subscriptions without this package
/// depending on System.Reactive. Observers get <see cref="IObserver{T}.OnNext"/> only: the stream has no end.
/// </summary>
internal sealed class HandlerObservable<T>(HandlerList<Action<T>> handlers) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        if (observer is null)
        {
            throw new ArgumentNullException(nameof(observer));
        }

        return handlers.Add(observer.OnNext);
    }
}
