#!/usr/bin/env bash
# The shell steps of the hf-scan GitHub Action (action.yml at the repository root), kept in a file
# so that they can be run, and tested, outside a runner. Inputs come as INPUT_* variables (never
# interpolated into the script, so a branch name or path cannot inject shell).
#
#   run.sh detect-dotnet   found=true in $GITHUB_OUTPUT when a .NET 10 SDK is installed
#   run.sh install         installs HfSecretScan.Tool into $RUNNER_TEMP (INPUT_VERSION, INPUT_NUGET_SOURCE)
#   run.sh scan            runs the scan (INPUT_MODE, INPUT_PATH, INPUT_BASELINE, INPUT_VERIFY,
#                          INPUT_SARIF, INPUT_FAIL_ON_FINDINGS) and writes findings, exit-code, sarif
#
# HF_SCAN_COMMAND, when set, is the command that runs hf-scan (words separated by spaces, e.g.
# "dotnet exec /path/dotnet-hf-scan.dll"); install then does nothing. Tests use it.
set -euo pipefail

tool_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/hf-scan-tool"

output() { printf '%s=%s\n' "$1" "$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }

hf_scan_command() {
  if [ -n "${HF_SCAN_COMMAND:-}" ]; then
    read -ra command <<< "$HF_SCAN_COMMAND"
  else
    command=("$tool_dir/dotnet-hf-scan")
  fi
}

detect_dotnet() {
  if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -Eq '^(1[0-9]|[2-9][0-9])\.'; then
    output found true
  else
    output found false
  fi
}

install() {
  if [ -n "${HF_SCAN_COMMAND:-}" ]; then
    echo "hf-scan: using HF_SCAN_COMMAND ($HF_SCAN_COMMAND)"
    return
  fi
  local args=(tool install --tool-path "$tool_dir" HfSecretScan.Tool)
  [ -n "${INPUT_VERSION:-}" ] && args+=(--version "$INPUT_VERSION")
  [ -n "${INPUT_NUGET_SOURCE:-}" ] && args+=(--add-source "$INPUT_NUGET_SOURCE")
  case "${INPUT_VERSION:-}" in *-*) args+=(--prerelease) ;; esac
  if [ -x "$tool_dir/dotnet-hf-scan" ]; then
    echo "hf-scan: already installed in $tool_dir"
    return
  fi
  dotnet "${args[@]}"
}

# The event's range: a pull request's base and head, else a push's before and after.
event_range() {
  local event="${GITHUB_EVENT_PATH:-}"
  if [ -z "$event" ] || [ ! -f "$event" ]; then
    echo "hf-scan: mode diff needs the event payload (GITHUB_EVENT_PATH); use mode scan or history outside pull requests and pushes" >&2
    return 2
  fi
  base=$(jq -r '.pull_request.base.sha // .before // empty' "$event")
  head=$(jq -r '.pull_request.head.sha // .after // empty' "$event")
  if [ -z "$head" ]; then
    echo "hf-scan: the event names no head commit (neither pull_request.head.sha nor after)" >&2
    return 2
  fi
  # A new branch's push has no before: everything its head reaches is new to the remote.
  case "$base" in *[!0]*) ;; *) base="" ;; esac
}

# History and diff need the commits: fetch what a shallow checkout lacks.
complete_history() {
  local repo="$1"
  shift
  if [ "$(git -C "$repo" rev-parse --is-shallow-repository 2>/dev/null)" = "true" ]; then
    echo "hf-scan: the checkout is shallow; fetching its history (use actions/checkout with fetch-depth: 0 to skip this)"
    git -C "$repo" fetch --quiet --unshallow --no-tags origin || echo "::warning title=hf-scan::could not unshallow the checkout: the history scanned is partial"
  fi
  local commit
  for commit in "$@"; do
    if [ -n "$commit" ] && ! git -C "$repo" cat-file -e "$commit^{commit}" 2>/dev/null; then
      git -C "$repo" fetch --quiet --no-tags origin "$commit" || true
    fi
  done
}

scan() {
  local workspace="${GITHUB_WORKSPACE:-$PWD}"
  local target="$workspace/${INPUT_PATH:-.}"
  local mode="${INPUT_MODE:-diff}"
  local args
  case "$mode" in
    scan) args=(scan "$target") ;;
    history) complete_history "$target"; args=(history "$target" --quiet) ;;
    diff)
      local base head
      event_range || { output exit-code 2; return 2; }
      complete_history "$target" "$base" "$head"
      args=(history "$target" "$base..$head" --quiet)
      ;;
    *) echo "hf-scan: mode must be diff, scan or history, not '$mode'" >&2; output exit-code 2; return 2 ;;
  esac
  [ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$workspace/$INPUT_BASELINE")
  [ "${INPUT_VERIFY:-false}" = "true" ] && args+=(--verify)

  local command
  hf_scan_command
  local annotations="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/hf-scan-annotations.$$"
  local code=0
  # Annotations and the step summary; the workflow log shows the same lines.
  "${command[@]}" "${args[@]}" --format github | tee "$annotations" || code=$?
  output findings "$(grep -c '^::error ' "$annotations" || true)"
  rm -f "$annotations"
  if [ -n "${INPUT_SARIF:-}" ]; then
    # A second run for the second format: the scan is cheap next to the upload.
    local sarif="$workspace/$INPUT_SARIF"
    mkdir -p "$(dirname "$sarif")"
    GITHUB_STEP_SUMMARY="" "${command[@]}" "${args[@]}" --format sarif --output "$sarif" || true
    output sarif "$sarif"
  fi
  output exit-code "$code"
  if [ "$code" -eq 1 ] && [ "${INPUT_FAIL_ON_FINDINGS:-true}" = "false" ]; then
    echo "hf-scan: tokens found; fail-on-findings is false, so the step passes"
    return 0
  fi
  return "$code"
}

case "${1:-}" in
  detect-dotnet) detect_dotnet ;;
  install) install ;;
  scan) scan ;;
  *) echo "usage: $0 detect-dotnet|install|scan" >&2; exit 2 ;;
esac
