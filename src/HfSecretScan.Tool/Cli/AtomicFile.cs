using System.Text.RegularExpressions;
using HfSecretScan.Pipeline;
using HfSecretScan.Reporting;
using HfSecretScan.Sources;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over the target, so a full disk or a crash leaves the previous version intact.
/// A device or pipe (<c>-o /dev/stdout</c>) is written in place: renaming over it would replace it.
/// </summary>
internal static partial class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>.</summary>
    /// <exception cref="InputException">
    /// The file could not be written (disk full, permission, no such folder): one line naming the
    /// target, not the temporary file, and the reason; the previous file is left as it was.
    /// </exception>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        try
        {
            WriteOrThrow(full, write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e is UnauthorizedAccessException ? "permission denied" : PathSuffix().Replace(e.Message, string.Empty);
            throw new InputException($"could not write {DisplayText.Quote(full)}: {reason}; nothing was written there (any previous file is as it was).", e);
        }
    }

    private static void WriteOrThrow(string full, Action<Stream> write)
    {
        if (FileKindProbe.Probe(full) is not (FileKind.Regular or FileKind.Missing))
        {
            using var direct = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(direct);
            return;
        }

        // A random name, created new: never an old leftover or a link someone planted there.
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The <c> : '/path'</c> .NET appends to an I/O error, which would name the temporary file.</summary>
    [GeneratedRegex(@"\s*:\s*'[^']*'\s*$")]
    private static partial Regex PathSuffix();
}
