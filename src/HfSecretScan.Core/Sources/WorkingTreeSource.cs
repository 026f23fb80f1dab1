using System.IO.Enumeration;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;

namespace HfSecretScan.Sources;

/// <summary>
/// Files and folders named on a command line: walks them honouring git's ignore rules (through an
/// <see cref="IIgnoreRulesProvider"/>) and the run's globs, never enters <c>.git</c>, scans hidden
/// files, does not follow symbolic links and never opens FIFOs or devices; files are read on every
/// core by <see cref="FileSetScanner"/>.
/// </summary>
public sealed class WorkingTreeSource : IScanSource
{
    private static readonly EnumerationOptions Shallow = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    private readonly IReadOnlyList<string> _paths;
    private readonly IIgnoreRulesProvider? _ignore;

    /// <summary>Creates the source.</summary>
    /// <param name="paths">Files and folders to scan.</param>
    /// <param name="ignore">Git ignore rules, or null to scan everything; also off when the run's policy says <c>--no-ignore</c>.</param>
    public WorkingTreeSource(IReadOnlyList<string> paths, IIgnoreRulesProvider? ignore)
    {
        _paths = paths;
        _ignore = ignore;
    }

    /// <inheritdoc />
    public Task ScanAsync(ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var walk = new Walk(sink, sink.Policy.NoIgnore ? null : _ignore);
        FileSetScanner.Scan(walk.Enumerate(_paths), sink, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>One walk of a run: its sink and the ignore rules in force.</summary>
    private sealed class Walk(ScanSink sink, IIgnoreRulesProvider? ignore)
    {
        private readonly string _projectRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sink.Policy.Root));
        private readonly IIgnoreRulesProvider? _ignore = ignore;

        /// <summary>
        /// The files under <paramref name="paths"/>, each once. A file named explicitly is scanned even
        /// when ignored; folders are walked with the ignore rules and globs.
        /// </summary>
        public IEnumerable<ScanTarget> Enumerate(IReadOnlyList<string> paths)
        {
            // Overlapping paths (`scan . src`) meet a file twice; one path never does (links are not
            // followed), and the set costs memory per file: 30 MB for 200,000 files, kept to the end.
            var seen = paths.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
            foreach (string path in paths)
            {
                string full = Path.GetFullPath(path);
                if (Directory.Exists(full))
                {
                    foreach (var target in WalkRoot(full))
                    {
                        if (seen?.Add(target.FullPath) != false)
                        {
                            yield return target;
                        }
                    }
                }
                else if (File.Exists(full))
                {
                    if (seen?.Add(full) != false)
                    {
                        yield return new ScanTarget(full, DisplayPath(full), Explicit: true);
                    }
                }
                else
                {
                    sink.Problem(new ScanProblem(ProblemKind.NotFound, path, "No such file or directory."));
                }
            }
        }

        private string DisplayPath(string fullPath) => ProjectPaths.Display(_projectRoot, fullPath);

        private IEnumerable<ScanTarget> WalkRoot(string root)
        {
            var rules = new List<IIgnoreRules>();
            try
            {
                if (_ignore is not null)
                {
                    // Rules of every repository from the root of the enclosing one down to the walk's root.
                    string? repoRoot = FindEnclosingRepository(root);
                    if (repoRoot is not null && _ignore.Open(repoRoot) is { } enclosing)
                    {
                        rules.Add(enclosing);
                    }
                }

                var pending = new Stack<string>();
                pending.Push(root);
                while (pending.Count > 0)
                {
                    string dir = pending.Pop();
                    while (rules.Count > 0 && !IsUnder(dir, rules[^1].WorkingDirectory))
                    {
                        rules[^1].Dispose();
                        rules.RemoveAt(rules.Count - 1);
                    }

                    if (_ignore is not null && dir != root && HasGitEntry(dir) && _ignore.Open(dir) is { } nested)
                    {
                        rules.Add(nested);
                    }

                    foreach (var target in ListDirectory(dir, rules, pending))
                    {
                        yield return target;
                    }
                }
            }
            finally
            {
                foreach (var r in rules)
                {
                    r.Dispose();
                }
            }
        }

        private List<ScanTarget> ListDirectory(string dir, List<IIgnoreRules> rules, Stack<string> pending)
        {
            var files = new List<ScanTarget>();
            var subdirectories = new List<string>();
            try
            {
                // Names and d_type only: no stat per entry. Files are probed (lstat) by the scanner,
                // in parallel, which also tells symbolic links and FIFOs apart from regular files.
                // Ignored entries are dropped by name before a path string is made for them.
                var ignore = rules.Count > 0 ? rules[^1] : null;
                string relativeDirectory = ignore is null ? string.Empty : RelativeDirectory(ignore, dir);
                var entries = new FileSystemEnumerable<(string Path, bool IsDirectory)>(
                    dir, static (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory), Shallow)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry e) =>
                        !e.FileName.SequenceEqual(".git") && (ignore is null || !ignore.IsIgnored(relativeDirectory, e.FileName, e.IsDirectory)),
                };
                foreach (var (full, isDirectory) in entries)
                {
                    if (isDirectory)
                    {
                        // IsDirectory follows links; never descend through one.
                        if (FileKindProbe.Probe(full) == FileKind.SymbolicLink)
                        {
                            sink.Skip(new SkippedEntry(DisplayPath(full), "symbolic link (not followed)"));
                        }
                        else
                        {
                            subdirectories.Add(full);
                        }
                    }
                    else
                    {
                        string display = DisplayPath(full);
                        if (sink.Admits(display))
                        {
                            files.Add(new ScanTarget(full, display));
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                sink.Problem(new ScanProblem(ProblemKind.Unreadable, DisplayPath(dir), "Cannot list folder: " + e.Message));
            }

            // Reverse so the stack pops folders in listing order; output order is fixed later by sorting.
            for (int i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }

            return files;
        }

        /// <summary><paramref name="dir"/> (inside the rules' working directory) relative to it, with forward slashes; empty for the working directory itself.</summary>
        private static string RelativeDirectory(IIgnoreRules rules, string dir)
        {
            string workingDirectory = rules.WorkingDirectory;
            if (dir.Length < workingDirectory.Length)
            {
                return string.Empty;
            }

            string relative = dir[workingDirectory.Length..];
            return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        private static bool IsUnder(string dir, string workingDirectory) =>
            (dir + Path.DirectorySeparatorChar).StartsWith(workingDirectory, StringComparison.Ordinal);

        private static bool HasGitEntry(string dir) => Path.Exists(Path.Combine(dir, ".git"));

        private static string? FindEnclosingRepository(string start)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (HasGitEntry(dir.FullName))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }
}
