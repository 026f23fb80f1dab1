namespace HfSecretScan.Git.Storage.Objects;

/// <summary>Where an object is stored: an entry of a pack, or a loose file.</summary>
/// <param name="Pack">The pack's number in <see cref="ObjectStore.Packs"/>; -1 for a loose object.</param>
/// <param name="Offset">The entry's offset in the pack.</param>
/// <param name="LoosePath">The loose object file; null for a packed object.</param>
internal readonly record struct ObjectLocation(int Pack, long Offset, string? LoosePath)
{
    /// <summary>True for a loose object.</summary>
    public bool IsLoose => LoosePath is not null;
}
