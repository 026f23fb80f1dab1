using System.Globalization;
using System.Net;
using System.Text.Json;
using HfSecretScan.Findings;
using HfSecretScan.Verification;

namespace HfSecretScan.Hub;

/// <summary>
/// Lists what the targets name: an owner's models, datasets and Spaces (every page, following
/// <c>Link: &lt;…&gt;; rel="next"</c>; private ones only when the token may see them), or the one
/// repository named. Sorted by web path and each once, so that shards are the same on every machine.
/// </summary>
/// <param name="reader">Reads the API through the run's rate-limit gate.</param>
/// <param name="token">The auditor's token; null for public repositories only.</param>
public sealed class HubLister(HubApiReader reader, Secret? token)
{
    /// <summary>The repositories of <paramref name="targets"/>; a listing that fails is a problem and the rest is listed.</summary>
    public async Task<IReadOnlyList<HubRepositoryId>> ListAsync(IEnumerable<HubTarget> targets, ICollection<ScanProblem> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(problems);
        var found = new List<HubRepositoryId>();
        foreach (var target in targets)
        {
            if (target.Repository is { } one)
            {
                found.Add(one);
                continue;
            }

            foreach (var kind in HubRepositoryKinds.All)
            {
                await ListOwnerAsync(target.Owner!, kind, found, problems, cancellationToken).ConfigureAwait(false);
            }
        }

        return [.. found.Distinct().OrderBy(r => r.WebPath, StringComparer.Ordinal)];
    }

    private async Task ListOwnerAsync(string owner, HubRepositoryKind kind, List<HubRepositoryId> found, ICollection<ScanProblem> problems, CancellationToken cancellationToken)
    {
        Uri? next = reader.Endpoint.Combine($"api/{kind.ApiSegment()}?author={Uri.EscapeDataString(owner)}");
        try
        {
            while (next is not null)
            {
                var answer = await reader.GetAsync(next, token, cancellationToken).ConfigureAwait(false);
                if (answer.Status != HttpStatusCode.OK)
                {
                    throw new HubApiException(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)answer.Status}"));
                }

                found.AddRange(ListedRepository.ParsePage(answer.Body).Select(r => new HubRepositoryId(kind, r.Id)));
                next = answer.Next;
            }
        }
        catch (Exception e) when (e is HubApiException or JsonException)
        {
            problems.Add(new ScanProblem(ProblemKind.Network, $"{kind.WebPrefix()}{owner}", $"Could not list the {kind.ApiSegment()} of {owner}: {e.Message}"));
        }
    }
}
