using HfSecretScan.Findings;
using HfSecretScan.Git.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.History;

/// <summary>
/// Every blob the object database holds, each once, in pack order (loose ones last), found from pack
/// entry headers without inflating anything: a whole-history scan reads them all, reachable or not,
/// so it can start reading while the history walk is still working out where each one came from.
/// </summary>
internal static class BlobCatalog
{
    /// <summary>The blobs of <paramref name="store"/>; an entry whose type cannot be told becomes a problem.</summary>
    public static List<(ObjectId Id, ObjectLocation Location)> InPackOrder(ObjectStore store, ICollection<ScanProblem> problems)
    {
        var blobs = new List<(ObjectId Id, ObjectLocation Location)>();
        var seen = new HashSet<ObjectId>();
        var known = new Dictionary<(int Pack, long Offset), ObjectType>();
        var reader = new ObjectReader(store, 0);
        for (int pack = 0; pack < store.Packs.Count; pack++)
        {
            var index = store.Packs[pack];
            for (int rank = 0; rank < index.Count; rank++)
            {
                int position = index.PositionInPackOrder(rank);
                var id = index.IdAt(position);
                long offset = index.OffsetAt(position);
                if (!seen.Add(id))
                {
                    continue;
                }

                try
                {
                    if (reader.PackedTypeOf(pack, offset, known) == ObjectType.Blob)
                    {
                        blobs.Add((id, new ObjectLocation(pack, offset, null)));
                    }
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    problems.Add(new ScanProblem(id.Sha, $"Corrupt object {id.Sha}, not scanned: {e.Message}"));
                }
            }
        }

        foreach (var id in store.AllIds().Where(id => !seen.Contains(id)).OrderBy(id => id.Sha, StringComparer.Ordinal))
        {
            if (store.Locate(id) is not { LoosePath: { } loose } location)
            {
                continue;
            }

            try
            {
                using (LooseObject.Open(loose, out var type, out _))
                {
                    if (type == ObjectType.Blob)
                    {
                        blobs.Add((id, location));
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new ScanProblem(id.Sha, $"Corrupt object {id.Sha}, not scanned: {e.Message}"));
            }
        }

        return blobs;
    }
}
