using System;
using System.Collections.Generic;
using System.IO;

namespace Skaftin.Realtime.DevServer.Internal;

/// <summary>Finds the bundled <c>devserver/</c> folder.</summary>
internal static class DevServerLocator
{
    /// <summary>
    /// Walks up from each start directory and returns the first <c>devserver</c> folder holding a
    /// <c>package.json</c>, or null.
    /// </summary>
    public static string? Find(IEnumerable<string> startDirectories)
    {
        foreach (var start in startDirectories)
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            {
                continue;
            }

            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "devserver");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Resolves the folder from the options, or searches from the app's base and current directories.</summary>
    public static string Resolve(string? configured)
    {
        string directory;
        if (configured is not null)
        {
            directory = Path.GetFullPath(configured);
        }
        else
        {
            directory = Find(new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
                ?? throw new SkaftinDevServerException(
                    "Could not find the dev server: no devserver/package.json above " +
                    $"'{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'. " +
                    "Set SkaftinDevServerOptions.DevServerDirectory.");
        }

        if (!File.Exists(Path.Combine(directory, "server.js")) || !File.Exists(Path.Combine(directory, "package.json")))
        {
            throw new SkaftinDevServerException($"'{directory}' is not the dev server's folder: it needs server.js and package.json.");
        }

        return directory;
    }
}
