using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories;

/// <summary>
/// The one crossing between the two id types: storage names objects by <see cref="RawId"/>, libgit2
/// by <see cref="ObjectId"/>, and this project converts where one hands an id to the other.
/// </summary>
internal static class ObjectIds
{
    extension(RawId)
    {
        // From ObjectId's own 20 bytes, not its hex: the walk converts once per tree entry.

        /// <summary>The same id as storage's type.</summary>
        public static RawId From(ObjectId id) => new(id.RawId);
    }

    extension(RawId id)
    {
        /// <summary>The same id as LibGit2Sharp's type.</summary>
        public ObjectId ToObjectId()
        {
            var bytes = new byte[RawId.Length];
            id.CopyTo(bytes);
            return new ObjectId(bytes);
        }
    }
}
