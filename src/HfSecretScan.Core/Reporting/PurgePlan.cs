using System.Text;
using HfSecretScan.Findings;

namespace HfSecretScan.Reporting;

/// <summary>
/// What removes the tokens a history scan found from a repository's history: the expressions file
/// for <c>git filter-repo --replace-text</c> (and <c>--replace-message</c>), the blobs filter-repo
/// cannot edit, and the steps around the rewrite. No token is written whole: each expression is a
/// regular expression built from the rule and the token's redacted prefix, e.g.
/// <c>regex:hf_AbCd[A-Za-z0-9]{30}==>***REMOVED***</c>.
/// </summary>
public sealed class PurgePlan
{
    /// <summary>What each token is replaced with; not token-shaped, so a rescan finds nothing.</summary>
    public const string Replacement = "***REMOVED***";

    private PurgePlan(IReadOnlyList<TokenGroup> groups, IReadOnlyList<string> expressions, IReadOnlyList<string> binaryBlobs, bool inMessages)
    {
        Groups = groups;
        Expressions = expressions;
        BinaryBlobs = binaryBlobs;
        InMessages = inMessages;
    }

    /// <summary>The tokens to purge.</summary>
    public IReadOnlyList<TokenGroup> Groups { get; }

    /// <summary>The lines of the expressions file, one per distinct rule and redacted prefix, ordered.</summary>
    public IReadOnlyList<string> Expressions { get; }

    /// <summary>
    /// Blobs that hold a token in binary form (a NUL byte near their start, UTF-16 text included):
    /// filter-repo's <c>--replace-text</c> leaves such blobs alone, so they can only be stripped
    /// (<c>--strip-blobs-with-ids</c>).
    /// </summary>
    public IReadOnlyList<string> BinaryBlobs { get; }

    /// <summary>True when a commit or tag message holds a token: the rewrite needs <c>--replace-message</c> too.</summary>
    public bool InMessages { get; }

    /// <summary>The plan for the findings of <paramref name="report"/>.</summary>
    public static PurgePlan For(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = TokenGroup.Of(report.Findings);
        var expressions = groups
            .Select(g => Expression(g.Secret))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var binary = report.Findings
            // A regular expression cannot reach a token in binary form, encoded, or inside an archive: those blobs are stripped.
            .Where(f => f.Commit is { InMessage: false } && (!f.IsTextual || f.Form != Detection.ByteForm.Ascii || f.Decoded.Count > 0 || f.InnerPath is not null))
            .Select(f => f.Commit!.ObjectId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new PurgePlan(groups, expressions, binary, report.Findings.Any(f => f.Commit?.InMessage == true));
    }

    /// <summary>
    /// The expression that matches <paramref name="secret"/> (and any other token sharing its rule and
    /// redacted prefix, which is token-shaped too): the visible prefix, then the rest of the body as a
    /// character class of the right length, in Python's regular-expression syntax.
    /// </summary>
    public static string Expression(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        string visible = secret.Redacted.TrimEnd('…');
        int rest = secret.Rule.Length - visible.Length;
        return $"regex:{visible}[A-Za-z0-9]{{{rest}}}==>{Replacement}";
    }

    /// <summary>The expressions file's bytes: one expression per line, LF line ends, UTF-8 (ASCII in fact).</summary>
    public byte[] ExpressionsFile() => Encoding.UTF8.GetBytes(string.Concat(Expressions.Select(e => e + "\n")));

    /// <summary>The blob-ids file's bytes for <c>--strip-blobs-with-ids</c>: one id per line.</summary>
    public byte[] BinaryBlobsFile() => Encoding.UTF8.GetBytes(string.Concat(BinaryBlobs.Select(b => b + "\n")));

    /// <summary>
    /// The steps around the rewrite, in order, for a repository published at <paramref name="remote"/>
    /// (credentials already dropped; null when unknown), with the plan at <paramref name="expressionsPath"/>
    /// and the binary blobs' ids at <paramref name="blobsPath"/>.
    /// </summary>
    public IEnumerable<string> Steps(string expressionsPath, string blobsPath, string? remote)
    {
        string url = remote ?? "<remote URL>";
        string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var refs = Groups.SelectMany(g => g.Refs).Distinct(StringComparer.Ordinal).ToList();

        yield return "1. Revoke every token first: a rewrite does not make a token safe (clones, forks, caches and CI logs keep it).";
        foreach (var group in Groups)
        {
            string verdict = group.Verification is { } v ? " " + VerificationText.Summary(v) : string.Empty;
            yield return $"     {group.Secret.Redacted} ({group.Rule.Id}){verdict}: {TokenGroupText.Reach(group)}";
        }

        yield return $"   At {Remediation.TokensPage} (your own tokens), or for any token: dotnet hf-scan revoke (or hf-scan revoke --stdin).";
        yield return "2. Rewrite a fresh mirror clone (filter-repo insists on a fresh clone, so that the original stays untouched if anything goes wrong):";
        yield return $"     git clone --mirror {url} purge.git && cd purge.git";
        var rewrite = new StringBuilder($"     git filter-repo --replace-text {Quote(expressionsPath)}");
        if (InMessages)
        {
            rewrite.Append(" --replace-message ").Append(Quote(expressionsPath));
        }

        if (BinaryBlobs.Count > 0)
        {
            rewrite.Append(" --strip-blobs-with-ids ").Append(Quote(blobsPath));
        }

        yield return rewrite.ToString();
        if (BinaryBlobs.Count > 0)
        {
            yield return $"   {BinaryBlobs.Count} blob(s) hold a token in binary form (a model file, UTF-16 text), encoded (base64, hex, …) or inside an archive, which --replace-text does not edit: they are stripped, so commit clean versions of those files afterwards.";
        }

        yield return "3. Expire the reflogs and drop the old objects (filter-repo does it in a fresh clone; in any other clone run it yourself):";
        yield return "     git reflog expire --expire=now --all && git gc --prune=now --aggressive";
        yield return "4. Check the rewritten clone; this must find nothing:";
        yield return "     dotnet hf-scan history .";
        yield return "5. Force-push every branch and tag (filter-repo removes the remote, so add it back):";
        yield return $"     git remote add origin {url}";
        yield return "     git push --force --all origin && git push --force --tags origin";
        yield return "   Ask everyone with a clone to clone again: a pull or push from an old clone brings the tokens back.";
        yield return "6. Ask the host to drop what a push cannot reach: cached views of old commits, pull-request refs, forks.";
        var host = HostLinks.FromRemote(remote)?.Kind;
        if (host == HostKind.GitHub || refs.Any(r => r.StartsWith("refs/pull/", StringComparison.Ordinal)))
        {
            yield return "   GitHub: refs/pull/* are read-only to you; ask GitHub Support to remove cached views and the pull-request refs that hold the tokens (\"Removing sensitive data from a repository\").";
        }

        if (host == HostKind.GitLab || refs.Any(r => r.StartsWith("refs/merge-requests/", StringComparison.Ordinal)))
        {
            yield return "   GitLab: Settings > Repository > Repository cleanup takes filter-repo's commit map (purge.git/filter-repo/commit-map) to drop the old objects; merge-request refs need GitLab support.";
        }

        if (host == HostKind.HuggingFace || refs.Any(r => r.StartsWith("refs/pr/", StringComparison.Ordinal)))
        {
            var prRefs = refs.Where(r => r.StartsWith("refs/pr/", StringComparison.Ordinal)).ToList();
            string named = prRefs.Count > 0 ? $" ({string.Join(", ", prRefs)})" : string.Empty;
            yield return $"   Hugging Face Hub: refs/pr/*{named} belong to the Hub's pull requests (discussions), not to you: a push cannot rewrite or delete them, and a mirror push that includes them is refused.";
            yield return "   Push branches and tags only (step 5), close the pull requests whose refs hold a token, and ask Hugging Face (website@huggingface.co) to delete them; if the Hub refuses the force-push, HfApi().super_squash_history(repo_id) squashes a branch on the Hub into one commit, and deleting and re-creating the repository removes everything.";
        }
    }
}
