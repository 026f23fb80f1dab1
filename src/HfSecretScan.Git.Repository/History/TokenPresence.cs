using HfSecretScan.Git.Storage.Objects;

namespace HfSecretScan.Git.Repositories.History;

/// <summary>
/// Where the tokens a history scan found live on: for each blob (and commit message) that holds one,
/// how many commits carry it, which refs' histories hold it and at which paths HEAD's tree has it;
/// for each token, how many commits carry it anywhere. Worked out over what the walk recorded (the
/// <see cref="TreeGraph"/> and the <see cref="CommitLineage"/>), so no commit is read again and each
/// distinct tree is visited once.
/// </summary>
/// <remarks>
/// Each blob and each message commit with a token gets one bit. A tree's bits (the blobs under it)
/// are worked out once and shared by every commit with that tree. Going through the commits parents
/// first, a commit's history holds its tree's bits, its own message bit and its parents' history
/// bits; a ref then holds what its tip's history holds. A commit that adds nothing to its only
/// parent shares the parent's set, so the sets cost memory only where a token appears or histories
/// merge.
/// </remarks>
internal sealed class TokenPresence
{
    private readonly Dictionary<RawId, int> _blobBits = [];
    private readonly Dictionary<RawId, int> _messageBits = [];
    private readonly int[] _commitsPerBlob;
    private readonly Dictionary<string, int> _commitsPerToken = new(StringComparer.Ordinal);
    private readonly List<string>[] _refsPerBit;
    private readonly Dictionary<int, List<string>> _pathsAtHead = [];
    private readonly bool _knowsRefs;

    private TokenPresence(int blobs, int messages, bool knowsRefs)
    {
        _commitsPerBlob = new int[blobs];
        _refsPerBit = [.. Enumerable.Range(0, blobs + messages).Select(_ => new List<string>())];
        _knowsRefs = knowsRefs;
    }

    /// <summary>
    /// Works out the presence of <paramref name="blobTokens"/> (reachable blobs and the fingerprint of
    /// a token each holds) and <paramref name="messageTokens"/> (reachable commits whose message holds
    /// a token) in what <paramref name="inventory"/> recorded; trees the walk skipped are read with
    /// <paramref name="reader"/>.
    /// </summary>
    public static TokenPresence Compute(
        HistoryInventory inventory, ObjectReader reader, IReadOnlyList<(RawId Blob, string Fingerprint)> blobTokens, IReadOnlyList<(RawId Commit, string Fingerprint)> messageTokens)
    {
        var blobs = blobTokens.Select(b => b.Blob).Distinct().ToList();
        var messageCommits = messageTokens.Select(m => m.Commit).Distinct().ToList();
        var presence = new TokenPresence(blobs.Count, messageCommits.Count, inventory.KnowsRefs);
        if (blobs.Count + messageCommits.Count == 0)
        {
            return presence;
        }

        for (int bit = 0; bit < blobs.Count; bit++)
        {
            presence._blobBits[blobs[bit]] = bit;
        }

        for (int i = 0; i < messageCommits.Count; i++)
        {
            presence._messageBits[messageCommits[i]] = blobs.Count + i;
        }

        var trees = new TreeBits(inventory.Trees, reader, presence._blobBits, blobs.Count + messageCommits.Count);
        presence.Walk(inventory, trees, TokensPerBit(blobTokens, messageTokens, presence));
        if (HeadTree(inventory, reader) is { } headTree)
        {
            presence.FindAtHead(headTree, string.Empty, trees, reader);
        }

        return presence;
    }

    /// <summary>The tree HEAD points to: from the walk, or read when a range left HEAD out; null when HEAD is unborn or unreadable.</summary>
    private static RawId? HeadTree(HistoryInventory inventory, ObjectReader reader)
    {
        if (inventory.Head is not { } head)
        {
            return null;
        }

        if (inventory.ReachableCommits.PositionOf(head) is { } position)
        {
            return inventory.ReachableCommits.TreeAt(position);
        }

        try
        {
            return reader.TryReadCommit(head)?.TreeId;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A broken HEAD commit: nothing is said to be at HEAD.
            return null;
        }
    }

    /// <summary>How many reachable commits hold <paramref name="blob"/> at any path.</summary>
    public int CommitsCarrying(RawId blob) => _blobBits.TryGetValue(blob, out int bit) ? _commitsPerBlob[bit] : 0;

    /// <summary>How many reachable commits hold the token <paramref name="fingerprint"/> in a file or their message.</summary>
    public int CommitsCarryingToken(string fingerprint) => _commitsPerToken.GetValueOrDefault(fingerprint);

    /// <summary>The refs whose history holds <paramref name="blob"/>, ordered; null when the refs were not read (a range scan).</summary>
    public IReadOnlyList<string>? RefsHoldingBlob(RawId blob) => RefsOfBit(_blobBits, blob);

    /// <summary>The refs whose history holds the commit <paramref name="commit"/>, ordered; null when the refs were not read.</summary>
    public IReadOnlyList<string>? RefsHoldingCommit(RawId commit) => RefsOfBit(_messageBits, commit);

    /// <summary>The paths at which HEAD's tree holds <paramref name="blob"/>, ordered.</summary>
    public IReadOnlyList<string> PathsAtHead(RawId blob) =>
        _blobBits.TryGetValue(blob, out int bit) && _pathsAtHead.TryGetValue(bit, out var paths) ? [.. paths.Order(StringComparer.Ordinal)] : [];

    private IReadOnlyList<string>? RefsOfBit(Dictionary<RawId, int> bits, RawId id)
    {
        if (!_knowsRefs)
        {
            return null;
        }

        return bits.TryGetValue(id, out int bit) ? [.. _refsPerBit[bit].Distinct().Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The tokens behind each bit, as indices into one list of distinct fingerprints (the last entry).</summary>
    private static (int[][] PerBit, string[] Fingerprints) TokensPerBit(
        IReadOnlyList<(RawId Blob, string Fingerprint)> blobTokens, IReadOnlyList<(RawId Commit, string Fingerprint)> messageTokens, TokenPresence presence)
    {
        var fingerprints = blobTokens.Select(b => b.Fingerprint).Concat(messageTokens.Select(m => m.Fingerprint)).Distinct(StringComparer.Ordinal).ToArray();
        var index = fingerprints.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var perBit = new List<int>[presence._refsPerBit.Length];
        foreach (var (blob, fingerprint) in blobTokens)
        {
            (perBit[presence._blobBits[blob]] ??= []).Add(index[fingerprint]);
        }

        foreach (var (commit, fingerprint) in messageTokens)
        {
            (perBit[presence._messageBits[commit]] ??= []).Add(index[fingerprint]);
        }

        return ([.. perBit.Select(l => l is null ? [] : l.Distinct().ToArray())], fingerprints);
    }

    /// <summary>Goes through the commits parents first: counts per blob and per token, and (when the refs are known) what each commit's history holds.</summary>
    private void Walk(HistoryInventory inventory, TreeBits trees, (int[][] PerBit, string[] Fingerprints) tokens)
    {
        var lineage = inventory.ReachableCommits;
        var tokenSeenAt = new int[tokens.Fingerprints.Length];
        Array.Fill(tokenSeenAt, -1);
        var tokenCounts = new int[tokens.Fingerprints.Length];
        var tipsAt = new Dictionary<int, List<string>>();
        foreach (var (name, commit) in inventory.RefTips)
        {
            if (lineage.PositionOf(commit) is { } at)
            {
                (tipsAt.TryGetValue(at, out var names) ? names : tipsAt[at] = []).Add(name);
            }
        }

        var histories = tipsAt.Count > 0 ? new ulong[]?[lineage.Count] : null;
        for (int position = 0; position < lineage.Count; position++)
        {
            var held = trees.Of(lineage.TreeAt(position));
            ulong[]? own = held;
            if (_messageBits.Count > 0 && _messageBits.TryGetValue(lineage.IdAt(position), out int messageBit))
            {
                own = trees.With(held, messageBit);
            }

            if (own is not null)
            {
                foreach (int bit in TreeBits.Ones(own))
                {
                    if (bit < _commitsPerBlob.Length)
                    {
                        _commitsPerBlob[bit]++;
                    }

                    foreach (int token in tokens.PerBit[bit])
                    {
                        if (tokenSeenAt[token] != position)
                        {
                            tokenSeenAt[token] = position;
                            tokenCounts[token]++;
                        }
                    }
                }
            }

            if (histories is null)
            {
                continue;
            }

            var history = own;
            foreach (int parent in lineage.ParentsAt(position))
            {
                history = TreeBits.Union(history, histories[parent]);
            }

            histories[position] = history;
            if (history is not null && tipsAt.TryGetValue(position, out var refs))
            {
                foreach (int bit in TreeBits.Ones(history))
                {
                    _refsPerBit[bit].AddRange(refs);
                }
            }
        }

        for (int token = 0; token < tokenCounts.Length; token++)
        {
            _commitsPerToken[tokens.Fingerprints[token]] = tokenCounts[token];
        }
    }

    /// <summary>Walks HEAD's tree by name, entering only subtrees that hold a blob with a token.</summary>
    private void FindAtHead(RawId tree, string prefix, TreeBits trees, ObjectReader reader)
    {
        if (trees.Of(tree) is null)
        {
            return;
        }

        List<RawTreeEntry>? entries;
        try
        {
            entries = reader.TryReadTree(tree);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // The walk has reported the broken tree.
            return;
        }

        foreach (var entry in entries ?? [])
        {
            switch (entry.Kind)
            {
                case TreeEntryKind.Blob when _blobBits.TryGetValue(entry.Id, out int bit):
                    (_pathsAtHead.TryGetValue(bit, out var paths) ? paths : _pathsAtHead[bit] = []).Add(prefix + entry.Name);
                    break;
                case TreeEntryKind.Tree:
                    FindAtHead(entry.Id, prefix + entry.Name + "/", trees, reader);
                    break;
            }
        }
    }
}
