using System.Text.RegularExpressions;
using HfSecretScan.Reporting;
using HfSecretScan.Sources;

namespace HfSecretScan.Pipeline;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over the target, so a full disk or a crash leaves the previous version intact.
/// A device or pipe (<c>-o /dev/stdout</c>) is written in place: renaming over it would replace it.
/// The one way every host writes a file it owns: reports, baselines, purge plans, the
/// configuration, git hooks and the MSBuild cache.
/// </summary>
public static partial class AtomicFile
{
    // What git gives a hook it installs (before the umask), so the renamed file is executable from its first byte.
    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>.</summary>
    /// <param name="path">The target.</param>
    /// <param name="write">Writes the whole content.</param>
    /// <param name="executable">Create it executable (a script such as a git hook); ignored on Windows.</param>
    /// <exception cref="InputException">
    /// The file could not be written (disk full, permission, no such folder): one line naming the
    /// target, not the temporary file, and the reason; the previous file is left as it was.
    /// </exception>
    public static void Write(string path, Action<Stream> write, bool executable = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        try
        {
            WriteOrThrow(full, write, executable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e is UnauthorizedAccessException ? "permission denied" : PathSuffix().Replace(e.Message, string.Empty);
            throw new InputException($"could not write {DisplayText.Quote(full)}: {reason}; nothing was written there (any previous file is as it was).", e);
        }
    }

    private static void WriteOrThrow(string full, Action<Stream> write, bool executable)
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
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (executable && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = Executable;
            }

            using (var stream = new FileStream(temporary, options))
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
