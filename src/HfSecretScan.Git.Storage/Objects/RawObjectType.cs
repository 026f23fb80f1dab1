namespace HfSecretScan.Git.Storage.Objects;

/// <summary>The four kinds of object git stores (a pack's delta entries resolve to one of them).</summary>
internal enum RawObjectType
{
    /// <summary>A commit.</summary>
    Commit,

    /// <summary>A tree.</summary>
    Tree,

    /// <summary>A blob: a file's content.</summary>
    Blob,

    /// <summary>An annotated tag.</summary>
    Tag,
}
