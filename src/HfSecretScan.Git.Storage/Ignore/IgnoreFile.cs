namespace HfSecretScan.Git.Storage.Ignore;

/// <summary>Loads one ignore file. A missing, unreadable or odd file adds no rule and never stops the walk, as in git (which warns and goes on).</summary>
internal static class IgnoreFile
{
    /// <summary>
    /// The patterns of the file at <paramref name="path"/>, or null when it holds none or cannot be
    /// read. <paramref name="inWorkingTree"/>: a <c>.gitignore</c>, which git does not follow when
    /// it is a symbolic link.
    /// </summary>
    public static IgnorePatternSet? Load(string path, bool inWorkingTree, int baseLength, bool ignoreCase)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || (inWorkingTree && (info.Attributes & FileAttributes.ReparsePoint) != 0))
            {
                return null;
            }

            var patterns = IgnoreFileParser.Parse(File.ReadAllBytes(path), ignoreCase, path);
            return patterns.Count == 0 ? null : new IgnorePatternSet(patterns, baseLength);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }
    }
}
