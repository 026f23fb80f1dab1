namespace HfSecretScan.Git.Repositories.Hooks;

/// <summary>The git hooks hf-scan installs.</summary>
public enum HookKind
{
    /// <summary><c>pre-commit</c>: scans what is staged.</summary>
    PreCommit,

    /// <summary><c>pre-push</c>: scans what the pushed commits introduce.</summary>
    PrePush,

    /// <summary><c>pre-receive</c>, on the server: scans what a received push introduces, before any ref moves.</summary>
    PreReceive,
}

/// <summary>File names of <see cref="HookKind"/>.</summary>
public static class HookKinds
{
    /// <summary>The hook's file name in the hooks folder.</summary>
    public static string FileName(this HookKind kind) => kind switch
    {
        HookKind.PreCommit => "pre-commit",
        HookKind.PrePush => "pre-push",
        _ => "pre-receive",
    };
}
