namespace HfSecretScan.Hub;

/// <summary>Removes a fetched repository's temporary folder.</summary>
internal static class TemporaryFolder
{
    /// <summary>Deletes <paramref name="folder"/> and everything in it; git's read-only pack files included (Windows refuses those otherwise).</summary>
    public static void Delete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }
}
