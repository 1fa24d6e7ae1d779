using System;
using System.IO;

namespace Skaftin.Realtime.Tests.Shared;

/// <summary>Finds the repository's files from a test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Skaftin.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Skaftin.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
