using System.Runtime.CompilerServices;
using HfSecretScan.Git.Storage.Objects;
using LibGit2Sharp;

namespace HfSecretScan.Git.Repositories;

/// <summary>
/// A repository's git settings as git reads them: its own configuration, then the user's and the
/// system's. Under Native AOT, LibGit2Sharp cannot find the user's and the system's files (libgit2
/// names them in a <c>git_buf</c> that never reaches managed code), so a repository's
/// <c>Config</c> holds its own settings only, and a <c>core.hooksPath</c> or
/// <c>core.excludesFile</c> set in <c>~/.gitconfig</c> would go unseen. There they are named as
/// libgit2 finds them on Linux and macOS (linux-x64 is the only platform compiled AOT):
/// <c>~/.gitconfig</c>, <c>$XDG_CONFIG_HOME/git/config</c> (else <c>~/.config/git/config</c>) and
/// <c>/etc/gitconfig</c>.
/// </summary>
internal static class GitConfiguration
{
    /// <summary>The setting <paramref name="key"/> of <paramref name="repository"/>, or null when no file sets it.</summary>
    public static ConfigurationEntry<T>? Get<T>(Repository repository, string key)
    {
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            return repository.Config.Get<T>(key);
        }

        string? home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : null;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } x ? x : home is null ? null : Path.Combine(home, ".config");
        using var configuration = Configuration.BuildFrom(
            Path.Combine(ObjectDirectories.CommonDirectory(repository.Info.Path), "config"),
            home is null ? null : Path.Combine(home, ".gitconfig"),
            xdg is null ? null : Path.Combine(xdg, "git", "config"),
            "/etc/gitconfig");
        return configuration.Get<T>(key);
    }
}
