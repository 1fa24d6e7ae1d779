using System;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Waits for what another thread (the client's dispatch task, a reconnect) does, bounded.</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 10 ms for up to 5 s; fails the test naming <paramref name="what"/>.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting until " + what);
    }
}
