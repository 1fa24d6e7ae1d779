using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
#if NET
using ReceiveResult = System.Net.WebSockets.ValueWebSocketReceiveResult;
#else
using ReceiveResult = System.Net.WebSockets.WebSocketReceiveResult;
#endif

namespace Skaftin.Realtime;

internal sealed partial class SkaftinWebSocket
{
    /// <summary>
    /// Awaits one receive. When it has to wait for the network, the loop's continuation is registered on it first and
    /// only then is the thread handed to <c>idle</c>: whatever idle does (run the app's handlers), the loop goes on on
    /// another thread as soon as data comes, so the socket keeps answering the server.
    /// </summary>
    private readonly struct ReceiveWhenIdle(ValueTask<ReceiveResult> receive, Action? idle) : ICriticalNotifyCompletion
    {
        public ReceiveWhenIdle GetAwaiter() => this;

        // With an idle callback the await always suspends, so the callback runs even if the data came meanwhile.
        public bool IsCompleted => idle is null && receive.IsCompleted;

        public ReceiveResult GetResult() => receive.GetAwaiter().GetResult();

        public void OnCompleted(Action continuation)
        {
            receive.ConfigureAwait(false).GetAwaiter().OnCompleted(continuation);
            idle?.Invoke();
        }

        public void UnsafeOnCompleted(Action continuation)
        {
            receive.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(continuation);
            idle?.Invoke();
        }
    }
}
