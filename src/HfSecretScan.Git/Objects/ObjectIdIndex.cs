using System.Buffers.Binary;
using HfSecretScan.Findings;
using LibGit2Sharp;

namespace HfSecretScan.Git.Objects;

/// <summary>
/// Lists the id of every object in a repository's object folders, reachable or not, from the pack
/// indexes (<c>.idx</c> version 2) and the loose object folders, without reading any object.
/// libgit2's own enumeration looks every object up, which reads each blob a second time.
/// </summary>
public static class ObjectIdIndex
{
    private const uint IdxMagic = 0xff744f63;
    private const int IdLength = 20;

    /// <summary>Every object id in <paramref name="objectFolders"/>; an unreadable index becomes a problem.</summary>
    public static HashSet<ObjectId> ReadAll(IEnumerable<string> objectFolders, ICollection<ScanProblem> problems)
    {
        var ids = new HashSet<ObjectId>();
        foreach (string folder in objectFolders)
        {
            string packs = Path.Combine(folder, "pack");
            if (Directory.Exists(packs))
            {
                foreach (string idx in Directory.EnumerateFiles(packs, "*.idx"))
                {
                    try
                    {
                        ReadPackIndex(idx, ids);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                    {
                        problems.Add(new ScanProblem(idx, "Unreadable pack index, objects in its pack were not listed: " + e.Message));
                    }
                }
            }

            ReadLoose(folder, ids);
        }

        return ids;
    }

    /// <summary>Adds the ids a version 2 pack index lists to <paramref name="ids"/>.</summary>
    public static void ReadPackIndex(string idxPath, ICollection<ObjectId> ids)
    {
        byte[] bytes = File.ReadAllBytes(idxPath);
        if (bytes.Length < 8 + 256 * 4 || BinaryPrimitives.ReadUInt32BigEndian(bytes) != IdxMagic || BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4)) != 2)
        {
            throw new InvalidDataException("not a version 2 pack index");
        }

        int count = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8 + 255 * 4)));
        int namesStart = 8 + 256 * 4;
        if (bytes.Length < namesStart + (long)count * IdLength)
        {
            throw new InvalidDataException("truncated pack index");
        }

        for (int i = 0; i < count; i++)
        {
            ids.Add(new ObjectId(bytes.AsSpan(namesStart + i * IdLength, IdLength).ToArray()));
        }
    }

    private static void ReadLoose(string folder, HashSet<ObjectId> ids)
    {
        foreach (string fanout in Directory.EnumerateDirectories(folder, "??"))
        {
            string prefix = Path.GetFileName(fanout);
            if (!IsHex(prefix))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(fanout))
            {
                string rest = Path.GetFileName(file);
                if (rest.Length == 2 * IdLength - 2 && IsHex(rest))
                {
                    ids.Add(new ObjectId(prefix + rest));
                }
            }
        }
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
