using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Skaftin.Realtime.Testing;

/// <summary>One generated file as the compiler embedded it in an assembly's PDB.</summary>
internal sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// Reads the generated sources the compiler embedded in an assembly's portable PDB (it embeds every generated
/// document, so a debugger can show it). The PDB is found as the runtime's tools find it: embedded in the assembly,
/// or beside it with a matching id, so a stale PDB is never read.
/// </summary>
internal static class GeneratedSourceReader
{
    // The portable PDB format's kind of custom debug information that holds a document's embedded source.
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public static IReadOnlyList<GeneratedSource> Read(Assembly assembly, string generatorFolder)
    {
        var location = assembly.Location;
        if (string.IsNullOrEmpty(location) || !File.Exists(location))
        {
            throw new GeneratedCodeBaselineException($"{assembly.GetName().Name} was not loaded from a file, so its PDB cannot be read.");
        }

        using var peStream = File.OpenRead(location);
        using var peReader = new PEReader(peStream);
        if (!peReader.TryOpenAssociatedPortablePdb(location, static path => File.Exists(path) ? File.OpenRead(path) : null, out var provider, out var pdbPath) || provider is null)
        {
            throw new GeneratedCodeBaselineException(
                $"{Path.GetFileName(location)} has no portable PDB of its own beside it ({Path.ChangeExtension(location, ".pdb")}, missing or from another build) or embedded in it, and the compiler keeps the generated files only there. Build the project that declares the models with <DebugType>portable</DebugType> (the SDK's default) or <DebugType>embedded</DebugType>.");
        }

        using (provider)
        {
            var reader = provider.GetMetadataReader();
            var sources = new List<GeneratedSource>();
            foreach (var handle in reader.Documents)
            {
                var path = reader.GetString(reader.GetDocument(handle).Name).Replace('\\', '/');
                var at = path.LastIndexOf(generatorFolder, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var hintName = path[(at + generatorFolder.Length)..];
                var text = EmbeddedText(reader, handle)
                    ?? throw new GeneratedCodeBaselineException($"The PDB of {Path.GetFileName(location)} ({pdbPath ?? "embedded"}) names the generated file {hintName} but holds no text for it.");
                sources.Add(new GeneratedSource(hintName, text));
            }

            return sources;
        }
    }

    private static string? EmbeddedText(MetadataReader reader, DocumentHandle document)
    {
        foreach (var handle in reader.GetCustomDebugInformation(document))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) != EmbeddedSourceKind)
            {
                continue;
            }

            // The blob is an int32 format (0: uncompressed; otherwise the uncompressed size) followed by the bytes,
            // deflated unless the format is 0.
            var blob = reader.GetBlobBytes(information.Value);
            var format = BitConverter.ToInt32(blob, 0);
            byte[] bytes;
            if (format == 0)
            {
                bytes = blob.AsSpan(4).ToArray();
            }
            else
            {
                bytes = new byte[format];
                using var deflate = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
                deflate.ReadExactly(bytes);
            }

            var preamble = Encoding.UTF8.Preamble;
            var span = bytes.AsSpan();
            if (span.StartsWith(preamble))
            {
                span = span[preamble.Length..];
            }

            return Encoding.UTF8.GetString(span);
        }

        return null;
    }
}
