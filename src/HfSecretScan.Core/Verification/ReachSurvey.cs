using System.Net;
using System.Text.Json;
using HfSecretScan.Findings;

namespace HfSecretScan.Verification;

/// <summary>
/// Finds out what a live token reaches: for its owner and each organization it acts for, one
/// listing per kind (three calls per owner, whatever their size) made with the token, counted
/// public and private, and which of them its role or fine-grained scopes let it write.
/// </summary>
/// <param name="reader">Reads the API through the run's rate-limit gate.</param>
public sealed class ReachSurvey(HubApiReader reader)
{
    /// <summary>Items asked per listing call; an owner with more is reported as at least this many.</summary>
    public const int PageLimit = 1000;

    /// <summary>The permission that lets a fine-grained token push to a repository.</summary>
    public const string RepoWritePermission = "repo.write";

    private static readonly string[] WritingOrgRoles = ["admin", "write", "contributor"];

    /// <summary>What <paramref name="token"/>, verified as <paramref name="verification"/>, reaches; empty when it is not live or has no owner.</summary>
    public async Task<IReadOnlyList<OwnerReach>> SurveyAsync(Secret token, TokenVerification verification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(verification);
        if (verification.Status != TokenStatus.Live || verification.Owner is not { } owner)
        {
            return [];
        }

        var owners = new List<(string Name, string? Role)> { (owner.Name, "owner") };
        owners.AddRange(verification.Orgs.Where(o => o.Name != owner.Name).Select(o => (o.Name, o.RoleInOrg)));
        var reaches = new List<OwnerReach>();
        foreach (var (name, role) in owners)
        {
            reaches.Add(await SurveyOwnerAsync(token, verification, name, role, cancellationToken).ConfigureAwait(false));
        }

        return reaches;
    }

    /// <summary>Whether a token verified as <paramref name="verification"/> can write <paramref name="repositoryId"/> of <paramref name="owner"/>, where its owner's role is <paramref name="role"/>.</summary>
    public static bool CanWrite(TokenVerification verification, string owner, string? role, HubRepositoryKind kind, string repositoryId)
    {
        ArgumentNullException.ThrowIfNull(verification);
        if (!verification.CanWrite)
        {
            return false;
        }

        if (verification.Role == WriteAccess.FineGrainedRole)
        {
            return verification.Scopes.Any(s => s.Permissions.Contains(RepoWritePermission)
                && ((s.EntityType is "user" or "org" && s.EntityName == owner) || (s.EntityType == kind.EntityType() && s.EntityName == repositoryId)));
        }

        return role == "owner" || WritingOrgRoles.Contains(role, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<OwnerReach> SurveyOwnerAsync(Secret token, TokenVerification verification, string owner, string? role, CancellationToken cancellationToken)
    {
        var visible = new Dictionary<HubRepositoryKind, RepositoryCount>();
        var writable = default(RepositoryCount);
        bool complete = true;
        string? error = null;
        foreach (var kind in HubRepositoryKinds.All)
        {
            var uri = reader.Endpoint.Combine($"api/{kind.ApiSegment()}?author={Uri.EscapeDataString(owner)}&limit={PageLimit}&expand=private");
            try
            {
                var answer = await reader.GetAsync(uri, token, cancellationToken).ConfigureAwait(false);
                if (answer.Status != HttpStatusCode.OK)
                {
                    throw new HubApiException($"listing {kind.ApiSegment()} answered HTTP {(int)answer.Status}");
                }

                complete &= answer.Next is null;
                var count = default(RepositoryCount);
                foreach (var item in ListedRepository.ParsePage(answer.Body))
                {
                    var one = item.Private == true ? new RepositoryCount(0, 1) : new RepositoryCount(1, 0);
                    count += one;
                    if (CanWrite(verification, owner, role, kind, item.Id))
                    {
                        writable += one;
                    }
                }

                visible[kind] = count;
            }
            catch (Exception e) when (e is HubApiException or JsonException)
            {
                complete = false;
                error ??= Secret.RedactAll(e.Message);
            }
        }

        return new OwnerReach { Owner = owner, Role = role, Visible = visible, Writable = writable, Complete = complete, Error = error };
    }
}
