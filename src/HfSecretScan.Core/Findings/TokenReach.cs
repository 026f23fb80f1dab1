namespace HfSecretScan.Findings;

/// <summary>How far a token's leak reaches, from worst to least: what an auditor asks first.</summary>
public enum TokenReach
{
    /// <summary>In the tree HEAD points to: anyone who clones the default branch gets it.</summary>
    AtHead,

    /// <summary>In files (a working tree, standard input, the index): not from git history.</summary>
    InFiles,

    /// <summary>Not at HEAD, but in the history of named refs (branches, tags, pull-request refs, the stash).</summary>
    InRefs,

    /// <summary>In history the scan saw only in part (a range): not at HEAD, which refs carry it was not worked out.</summary>
    InHistory,

    /// <summary>Reached only by reflog entries: local, but pushed once it is checked out again.</summary>
    InReflogsOnly,

    /// <summary>Only in objects no ref or reflog reaches (left by amend, rebase or force-push).</summary>
    UnreachableOnly,
}
