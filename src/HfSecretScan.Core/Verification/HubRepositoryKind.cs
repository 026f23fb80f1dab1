namespace HfSecretScan.Verification;

/// <summary>The three kinds of Hugging Face repository.</summary>
public enum HubRepositoryKind
{
    /// <summary>A model: web and git prefix none, API segment <c>models</c>.</summary>
    Model,

    /// <summary>A dataset: prefix <c>datasets/</c>.</summary>
    Dataset,

    /// <summary>A Space: prefix <c>spaces/</c>.</summary>
    Space,
}

/// <summary>How the Hub names each kind in addresses.</summary>
public static class HubRepositoryKinds
{
    /// <summary>Every kind, in the order audits list them.</summary>
    public static IReadOnlyList<HubRepositoryKind> All { get; } = [HubRepositoryKind.Model, HubRepositoryKind.Dataset, HubRepositoryKind.Space];

    /// <summary>The API path segment: <c>models</c>, <c>datasets</c>, <c>spaces</c>.</summary>
    public static string ApiSegment(this HubRepositoryKind kind) => kind switch
    {
        HubRepositoryKind.Dataset => "datasets",
        HubRepositoryKind.Space => "spaces",
        _ => "models",
    };

    /// <summary>The web and git prefix: none for models, <c>datasets/</c>, <c>spaces/</c>.</summary>
    public static string WebPrefix(this HubRepositoryKind kind) => kind switch
    {
        HubRepositoryKind.Dataset => "datasets/",
        HubRepositoryKind.Space => "spaces/",
        _ => string.Empty,
    };

    /// <summary>The entity type fine-grained scopes use: <c>model</c>, <c>dataset</c>, <c>space</c>.</summary>
    public static string EntityType(this HubRepositoryKind kind) => kind switch
    {
        HubRepositoryKind.Dataset => "dataset",
        HubRepositoryKind.Space => "space",
        _ => "model",
    };
}
