using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await SkaftinCommand.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, cancel.Token).ConfigureAwait(false);
    }
}
