using HfSecretScan.Sources;

namespace HfSecretScan.Tool.Cli;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over the target, so a full disk or a crash leaves the previous version intact.
/// A device or pipe (<c>-o /dev/stdout</c>) is written in place: renaming over it would replace it.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
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
}
