using HfSecretScan.Findings;
using HfSecretScan.Git.Storage.Objects;
using HfSecretScan.Git.Storage.Packs;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories.History;

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
        var known = new Dictionary<(int Pack, long Offset), RawObjectType>();
        var reader = new ObjectReader(store, 0);
        var window = new PackBytes();
        for (int pack = 0; pack < store.Packs.Count; pack++)
        {
            var index = store.Packs[pack];
            for (int rank = 0; rank < index.Count; rank++)
            {
                int position = index.PositionInPackOrder(rank);
                long offset = index.OffsetAt(position);
                RawObjectType type;
                try
                {
                    type = reader.PackedTypeOf(pack, offset, known, window);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    string sha = index.IdAt(position).Sha;
                    problems.Add(new ScanProblem(ProblemKind.CorruptObject, sha, $"Corrupt object {sha}, not scanned: {e.Message}"));
                    continue;
                }

                // An object in two packs is read from the first, as Locate finds it.
                var id = index.IdAt(position);
                if (type == RawObjectType.Blob && store.Locate(id) is { IsLoose: false } first && first.Pack == pack)
                {
                    blobs.Add((id.ToObjectId(), first));
                }
            }
        }

        foreach (var id in store.LooseIds().Order())
        {
            if (store.Locate(id) is not { LoosePath: { } loose } location)
            {
                continue; // packed as well: listed above
            }

            try
            {
                using (LooseObject.Open(loose, out var type, out _))
                {
                    if (type == RawObjectType.Blob)
                    {
                        blobs.Add((id.ToObjectId(), location));
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new ScanProblem(ProblemKind.CorruptObject, id.Sha, $"Corrupt object {id.Sha}, not scanned: {e.Message}"));
            }
        }

        return blobs;
    }
}
