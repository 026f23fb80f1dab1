namespace HfSecretScan.Git.Storage.Packs;

/// <summary>The type field of a pack entry header (git's <c>OBJ_*</c> numbers).</summary>
internal enum PackEntryKind
{
    /// <summary>A commit, stored whole.</summary>
    Commit = 1,

    /// <summary>A tree, stored whole.</summary>
    Tree = 2,

    /// <summary>A blob, stored whole.</summary>
    Blob = 3,

    /// <summary>An annotated tag, stored whole.</summary>
    Tag = 4,

    /// <summary>A delta against the entry a given distance before it in the same pack.</summary>
    OffsetDelta = 6,

    /// <summary>A delta against the object with a given id.</summary>
    ReferenceDelta = 7,
}
