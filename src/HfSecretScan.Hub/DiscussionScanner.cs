using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HfSecretScan.Content;
using HfSecretScan.Findings;
using HfSecretScan.Pipeline;
using HfSecretScan.Scanning;
using HfSecretScan.Verification;

namespace HfSecretScan.Hub;

/// <summary>
/// Scans a repository's discussions and pull requests: every page of the listing, then each
/// discussion's texts (see <see cref="DiscussionParser"/>) as contents of their own, found at
/// <c>discussions/{num}</c> and linked to the discussion's page.
/// </summary>
/// <param name="reader">Reads the API through the run's rate-limit gate.</param>
/// <param name="token">The auditor's token; null for public repositories only.</param>
public sealed class DiscussionScanner(HubApiReader reader, Secret? token)
{
    /// <summary>Scans the discussions of <paramref name="repository"/> into <paramref name="sink"/> (the repository's own); what cannot be read becomes a problem at <c>discussions</c>.</summary>
    public async Task ScanAsync(HubRepositoryId repository, ScanSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(sink);
        var scanner = new ContentScanner();
        try
        {
            for (int page = 0; ; page++)
            {
                var listing = await reader.GetAsync(reader.Endpoint.Combine(string.Create(CultureInfo.InvariantCulture, $"{repository.ApiPath}/discussions?p={page}")), token, cancellationToken).ConfigureAwait(false);

                // Discussions can be turned off for a repository: nothing to scan there.
                if (page == 0 && listing.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    return;
                }

                var (numbers, more) = DiscussionParser.ParsePage(Expect(listing, "the discussion listing"));
                foreach (int num in numbers)
                {
                    await ScanDiscussionAsync(repository, num, scanner, sink, cancellationToken).ConfigureAwait(false);
                }

                if (!more)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is HubApiException or JsonException)
        {
            sink.Problem(new ScanProblem(ProblemKind.Network, "discussions", $"Discussions of {repository.WebPath} not (fully) scanned: {e.Message}"));
        }
    }

    private async Task ScanDiscussionAsync(HubRepositoryId repository, int num, ContentScanner scanner, ScanSink sink, CancellationToken cancellationToken)
    {
        var answer = await reader.GetAsync(reader.Endpoint.Combine(string.Create(CultureInfo.InvariantCulture, $"{repository.ApiPath}/discussions/{num}")), token, cancellationToken).ConfigureAwait(false);
        string path = string.Create(CultureInfo.InvariantCulture, $"discussions/{num}");
        var page = reader.Endpoint.Combine($"{repository.WebPath}/{path}");
        foreach (var text in DiscussionParser.ParseDetails(Expect(answer, $"discussion #{num}")))
        {
            var scan = scanner.Scan(new MemoryContent(Encoding.UTF8.GetBytes(text.Text)));
            sink.Count(scan);
            foreach (var located in scan.Reported)
            {
                sink.Add(FindingFactory.Create(located, path) with
                {
                    Repository = repository.WebPath,
                    Discussion = new DiscussionOrigin(num, text.Event, text.Author),
                    WebUri = page,
                });
            }
        }
    }

    private static string Expect(HubAnswer answer, string what) =>
        answer.Status == HttpStatusCode.OK ? answer.Body : throw new HubApiException(string.Create(CultureInfo.InvariantCulture, $"{what} answered HTTP {(int)answer.Status}"));
}
