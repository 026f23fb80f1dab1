namespace HfSecretScan.Git.Repositories.Hooks;

/// <summary>
/// The shell script of an installed hook. It runs the hook it replaced first (kept beside it
/// as <c>NAME.hf-scan-previous</c>), then hf-scan, found as a local tool, a global tool, or the
/// command recorded at install time, in that order; if none is there it says how to install it.
/// </summary>
internal static class HookScript
{
    /// <summary>The line that marks a hook as written by hf-scan.</summary>
    public const string Marker = "# hf-scan hook: installed by `dotnet hf-scan hook install`";

    /// <summary>Suffix of the kept hook that the installed one chains.</summary>
    public const string PreviousSuffix = ".hf-scan-previous";

    public static string For(HookKind kind, IReadOnlyList<string> recordedCommand)
    {
        string name = kind.FileName();
        string recorded = string.Join(' ', recordedCommand.Select(Quote));
        string recordedProgram = recordedCommand.Count > 0 ? Quote(recordedCommand[0]) : "''";
        string body = kind == HookKind.PreCommit
            ? $"""
              if [ -x "$hook_dir/{name}{PreviousSuffix}" ]; then
                "$hook_dir/{name}{PreviousSuffix}" "$@" || exit $?
              fi
              hf_scan staged
              """
            : $"""
              refs=$(cat)
              if [ -x "$hook_dir/{name}{PreviousSuffix}" ]; then
                printf '%s\n' "$refs" | "$hook_dir/{name}{PreviousSuffix}" "$@" || exit $?
              fi
              printf '%s\n' "$refs" | hf_scan hook {name} "$@"
              """;
        return $$"""
            #!/bin/sh
            {{Marker}}; `dotnet hf-scan hook uninstall` removes it
            # and puts back the hook it chains ({{name}}{{PreviousSuffix}}), if any.
            hook_dir=$(dirname -- "$0")
            hf_scan() {
              top=$(git rev-parse --show-toplevel 2>/dev/null)
              if [ -n "$top" ] && grep -qs '"dotnet-hf-scan"' "$top/.config/dotnet-tools.json" "$top/dotnet-tools.json"; then
                dotnet tool run dotnet-hf-scan "$@"
              elif command -v dotnet-hf-scan >/dev/null 2>&1; then
                dotnet-hf-scan "$@"
              elif [ -e {{recordedProgram}} ]; then
                {{recorded}} "$@"
              else
                echo "hf-scan {{name}} hook: dotnet-hf-scan was not found (not a local tool, not on PATH, not at {{recordedProgram}})." >&2
                echo "Install it: dotnet tool install --global HfSecretScan.Tool (or as a local tool), or remove this hook: dotnet hf-scan hook uninstall." >&2
                exit 1
              fi
            }
            {{body}}

            """.ReplaceLineEndings("\n");
    }

    /// <summary>Single-quotes <paramref name="word"/> for sh.</summary>
    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
