using HfSecretScan.Verification;

namespace HfSecretScan.Hub;

/// <summary>One Hugging Face repository: its kind and its id, <c>owner/name</c>.</summary>
/// <param name="Kind">Model, dataset or Space.</param>
/// <param name="Id">The id, <c>owner/name</c>.</param>
public sealed record HubRepositoryId(HubRepositoryKind Kind, string Id)
{
    /// <summary>
    /// How pages and reports name it: <c>acme/model-x</c> for a model, <c>datasets/acme/data</c>,
    /// <c>spaces/acme/demo</c>; also its git remote's path on the endpoint.
    /// </summary>
    public string WebPath => Kind.WebPrefix() + Id;

    /// <summary>Its API path: <c>api/models/acme/model-x</c>.</summary>
    public string ApiPath => $"api/{Kind.ApiSegment()}/{Id}";

    /// <inheritdoc />
    public override string ToString() => WebPath;
}
