using HfSecretScan.Pipeline;
using HfSecretScan.Verification;

namespace HfSecretScan.Hub;

/// <summary>What <c>hf-scan hub</c> is asked to audit: an owner (all its repositories) or one repository.</summary>
public sealed record HubTarget
{
    private HubTarget(string? owner, HubRepositoryId? repository)
    {
        Owner = owner;
        Repository = repository;
    }

    /// <summary>A user or organization whose models, datasets and Spaces are all audited; null for a single repository.</summary>
    public string? Owner { get; }

    /// <summary>The one repository audited; null for an owner.</summary>
    public HubRepositoryId? Repository { get; }

    /// <summary>
    /// Reads <c>acme</c> (an owner), <c>acme/model-x</c> (a model), <c>datasets/acme/data</c>,
    /// <c>spaces/acme/demo</c> (or <c>models/acme/model-x</c>).
    /// </summary>
    /// <exception cref="InputException">Not one of those shapes.</exception>
    public static HubTarget Parse(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string[] parts = target.Trim().Trim('/').Split('/');
        // "datasets/acme" lacks a name: the kinds' prefixes are not owners on the Hub.
        if (parts.Any(p => !IsName(p)) || (parts.Length == 2 && Prefixes.Contains(parts[0])))
        {
            throw new InputException($"'{target}' is not an owner or a repository id (acme, acme/model-x, datasets/acme/data, spaces/acme/demo).");
        }

        return parts switch
        {
            [var owner] => new HubTarget(owner, null),
            [var owner, var name] => new HubTarget(null, new HubRepositoryId(HubRepositoryKind.Model, $"{owner}/{name}")),
            ["models", var owner, var name] => new HubTarget(null, new HubRepositoryId(HubRepositoryKind.Model, $"{owner}/{name}")),
            ["datasets", var owner, var name] => new HubTarget(null, new HubRepositoryId(HubRepositoryKind.Dataset, $"{owner}/{name}")),
            ["spaces", var owner, var name] => new HubTarget(null, new HubRepositoryId(HubRepositoryKind.Space, $"{owner}/{name}")),
            _ => throw new InputException($"'{target}' is not an owner or a repository id (acme, acme/model-x, datasets/acme/data, spaces/acme/demo)."),
        };
    }

    private static readonly string[] Prefixes = ["models", "datasets", "spaces"];

    // The Hub's names: letters, digits, '-', '_', '.'; never '..' (the name becomes a folder of the cache).
    private static bool IsName(string part) =>
        part.Length > 0 && part != "." && part != ".." && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
