# Shared by the bench scripts (sourced, not run): where things are, installing the tool once,
# peak memory, and saying what is missing instead of failing.
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(dirname "$bench_dir")
bench_out=${BENCH_OUT:-$bench_dir/out}
mkdir -p "$bench_out"

# The two token shapes, as ripgrep, git-secrets and the cat-file pipeline search them.
token_pattern='hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34}'

# Prints the path of dotnet-hf-scan as users get it: $HF_SCAN_TOOL when set (run-all.sh installs
# once), otherwise packed into OUT_DIR/feed and installed from there with `dotnet tool install`, which
# picks this platform's ReadyToRun package.
# usage: hf_scan_tool OUT_DIR
hf_scan_tool() {
  if [ -n "${HF_SCAN_TOOL:-}" ]; then echo "$HF_SCAN_TOOL"; return; fi
  local dir=$1
  rm -rf "$dir/feed" "$dir/installed"
  dotnet pack "$repo_root/src/HfSecretScan.Tool/HfSecretScan.Tool.csproj" -c Release -o "$dir/feed" -v quiet -nologo >/dev/null
  dotnet tool install --tool-path "$dir/installed" --add-source "$dir/feed" --prerelease HfSecretScan.Tool >/dev/null
  echo "$dir/installed/dotnet-hf-scan"
}

# Prints the path of the portable IL-only dotnet-hf-scan (what HfSecretScan.Tool.any holds), published into OUT_DIR.
# usage: hf_scan_portable_tool OUT_DIR
hf_scan_portable_tool() {
  dotnet publish "$repo_root/src/HfSecretScan.Tool/HfSecretScan.Tool.csproj" -c Release -o "$1" -v quiet -nologo >/dev/null
  echo "$1/dotnet-hf-scan"
}

# Peak resident memory of one run of COMMAND, in MB (rounded), from /usr/bin/time -v.
# usage: peak_rss_mb COMMAND [ARG...]
peak_rss_mb() {
  if [ ! -x /usr/bin/time ]; then echo "n/a"; return; fi
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log"; rm -f "$log"
}

# True when COMMAND is on PATH; otherwise says which measurement is skipped and returns 1.
# usage: have COMMAND WHAT_IS_SKIPPED
have() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "missing: $1; skipped: $2" >&2
  return 1
}

# Median of hyperfine's JSON result NAME, in seconds.
# usage: hyperfine_median JSON_FILE NAME
hyperfine_median() {
  python3 -c 'import json,sys,statistics
r=[x for x in json.load(open(sys.argv[1]))["results"] if x["command"]==sys.argv[2]]
print(statistics.median(r[0]["times"]) if r else "")' "$1" "$2"
}
