using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Packs;

namespace HfSecretScan.Git.Storage.Objects;

/// <summary>
/// A repository's object database read directly: the pack indexes and loose object folders of its
/// own <c>objects</c> folder and of its alternates. Immutable and shared by all workers; each
/// worker reads through its own <see cref="ObjectReader"/>. Each pack file is opened once, on first
/// use, and shared by every reader (its reads are positioned, so they do not interfere).
/// </summary>
internal sealed class ObjectStore : IDisposable
{
    private readonly PackFile?[] _files;
    private readonly Lock _opening = new();

    private ObjectStore(IReadOnlyList<string> folders, IReadOnlyList<PackIndex> packs)
    {
        Folders = folders;
        Packs = packs;
        _files = new PackFile?[packs.Count];
    }

    /// <summary>Object folders, the repository's own first.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Every readable pack index.</summary>
    public IReadOnlyList<PackIndex> Packs { get; }

    /// <summary>Opens the object database of the repository whose git folder is <paramref name="gitDirectory"/>; an unreadable pack index or alternate becomes a problem.</summary>
    /// <param name="gitDirectory">The repository's git folder.</param>
    /// <param name="problems">Receives what could not be read.</param>
    /// <param name="firstFolders">Object folders read before the repository's own (a push's quarantine).</param>
    public static ObjectStore Open(string gitDirectory, ICollection<ScanProblem> problems, IReadOnlyList<string>? firstFolders = null)
    {
        var folders = ObjectDirectories.Of(gitDirectory, firstFolders ?? [], problems);
        var packs = new List<PackIndex>();
        foreach (string folder in folders)
        {
            string packFolder = Path.Combine(folder, "pack");
            if (!Directory.Exists(packFolder))
            {
                continue;
            }

            foreach (string idx in Directory.EnumerateFiles(packFolder, "*.idx").Order(StringComparer.Ordinal))
            {
                try
                {
                    packs.Add(PackIndex.Read(idx));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    problems.Add(new ScanProblem(ProblemKind.CorruptObject, idx, "Unreadable pack index, objects in its pack were not read: " + e.Message));
                }
            }
        }

        return new ObjectStore(folders, packs);
    }

    /// <summary>The pack file of <see cref="Packs"/>[<paramref name="pack"/>], opened on first use.</summary>
    /// <exception cref="InvalidDataException">It is not a pack or does not match its index.</exception>
    public PackFile PackAt(int pack)
    {
        if (Volatile.Read(ref _files[pack]) is { } open)
        {
            return open;
        }

        lock (_opening)
        {
            return _files[pack] ??= PackFile.Open(Packs[pack]);
        }
    }

    /// <summary>Closes the packs; no reader may be used afterwards.</summary>
    public void Dispose()
    {
        foreach (var file in _files)
        {
            file?.Dispose();
        }
    }

    /// <summary>Where <paramref name="id"/> is stored, or null when no pack or object folder holds it.</summary>
    public ObjectLocation? Locate(RawId id)
    {
        for (int pack = 0; pack < Packs.Count; pack++)
        {
            if (Packs[pack].TryFind(id, out long offset))
            {
                return new ObjectLocation(pack, offset, null);
            }
        }

        string sha = id.Sha;
        foreach (string folder in Folders)
        {
            string loose = LooseObject.PathOf(folder, sha);
            if (File.Exists(loose))
            {
                return new ObjectLocation(-1, 0, loose);
            }
        }

        return null;
    }

    /// <summary>The id of every object in the packs and loose folders, without reading any object.</summary>
    public HashSet<RawId> AllIds()
    {
        var ids = new HashSet<RawId>();
        foreach (var pack in Packs)
        {
            for (int i = 0; i < pack.Count; i++)
            {
                ids.Add(pack.IdAt(i));
            }
        }

        ids.UnionWith(LooseIds());
        return ids;
    }

    /// <summary>The id of every loose object file in the object folders (some may also be packed).</summary>
    public IEnumerable<RawId> LooseIds()
    {
        foreach (string folder in Folders)
        {
            foreach (string fanOut in Directory.EnumerateDirectories(folder, "??"))
            {
                string prefix = Path.GetFileName(fanOut);
                if (!IsHex(prefix))
                {
                    continue;
                }

                foreach (string file in Directory.EnumerateFiles(fanOut))
                {
                    string rest = Path.GetFileName(file);
                    if (rest.Length == 38 && IsHex(rest))
                    {
                        yield return RawId.Parse(prefix + rest);
                    }
                }
            }
        }
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
