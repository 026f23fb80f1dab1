using HfSecretScan.Findings;
using HfSecretScan.Verification;

namespace HfSecretScan.Hub;

/// <summary>What a Hub audit covers and how.</summary>
public sealed record HubAuditOptions
{
    /// <summary>Owners and repositories to audit.</summary>
    public required IReadOnlyList<HubTarget> Targets { get; init; }

    /// <summary>The Hub, for the API and git alike.</summary>
    public required HfEndpoint Endpoint { get; init; }

    /// <summary>The auditor's token (private repositories); null for public ones only.</summary>
    public Secret? Token { get; init; }

    /// <summary>Repositories fetched and scanned at once.</summary>
    public int Jobs { get; init; } = 4;

    /// <summary>The part of the listed repositories to audit.</summary>
    public HubShard Shard { get; init; } = HubShard.All;

    /// <summary>Scan discussions and pull requests too.</summary>
    public bool Discussions { get; init; } = true;

    /// <summary>
    /// A folder keeping each fetched repository (<c>{prefix}{owner}/{name}.git</c>) between runs, so
    /// that the next run fetches only what changed; null fetches into temporary folders removed afterwards.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>How long a git fetch may go without receiving anything before it is given up (a server that stalls).</summary>
    public TimeSpan FetchStallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout and rate-limit patience of API reads.</summary>
    public VerifierOptions Api { get; init; } = new();

    /// <summary>The run's rate-limit gate, shared with verification.</summary>
    public RateLimitGate Gate { get; init; } = new(TimeProvider.System);

    /// <summary>Receives progress; null for none.</summary>
    public IProgress<HubProgress>? Progress { get; init; }
}
