#!/usr/bin/env bash
# Ignore-rules benchmark: `dotnet-hf-scan scan` with git's ignore rules against `scan --no-ignore`
# and against ripgrep with its default .gitignore handling (the fair peer), over a deterministic
# 50,000-file repository with the GitHub VisualStudio + Node .gitignore templates, nested
# .gitignore files and ignored build output. Warm page cache. Prints a Markdown fragment and
# writes it to bench/out/ignore.md.
#
# usage: bench/ignore.sh [REPO_DIR]     (the repository is generated there when missing)
# env:   RUNS (15), HF_SCAN_TOOL (skip publishing), BASELINE_TOOL (another dotnet-hf-scan, e.g.
#        main's build, timed in the same hyperfine run as "baseline")
# needs: dotnet, python3, git, hyperfine, ripgrep
set -euo pipefail
source "$(dirname "$0")/lib.sh"
repo=$(realpath -m "${1:-$bench_dir/corpus/ignore}")
runs=${RUNS:-15}
out=$bench_out

if [ ! -d "$repo/.git" ]; then
  echo "generating repository in $repo" >&2
  python3 "$bench_dir/make-ignore-repo.py" "$repo" >&2
fi
tool=$(hf_scan_tool "$out/tool")
have hyperfine "ignore timings" && have rg "ignore timings" || exit 0

baseline=()
if [ -n "${BASELINE_TOOL:-}" ]; then baseline=(-n baseline "$BASELINE_TOOL scan $repo"); fi
hyperfine -N --warmup 3 --runs "$runs" -i --export-json "$out/ignore.json" \
  "${baseline[@]}" \
  -n ignore "$tool scan $repo" \
  -n no-ignore "$tool scan --no-ignore $repo" \
  -n ripgrep "rg -a -c $token_pattern $repo" >&2

tracked=$(git -C "$repo" ls-files | wc -l)
walked=$(find "$repo" -path "$repo/.git" -prune -o -type f -print | wc -l)
python3 - "$out" "$repo" "$runs" "$tracked" "$walked" <<'PY' > "$out/ignore.md"
import json, statistics, sys
out, repo, runs, tracked, walked = sys.argv[1:]
med = {r["command"]: statistics.median(r["times"]) for r in json.load(open(f"{out}/ignore.json"))["results"]}
print(f"Repository `{repo}` (bench/make-ignore-repo.py): {tracked} tracked files, {walked} files in all "
      f"(the rest ignored). `hyperfine -N --warmup 3 --runs {runs}`, medians, warm cache.\n")
print("| what | command | median wall |")
print("| --- | --- | ---: |")
if "baseline" in med:
    print(f"| baseline build, ignore rules | `BASELINE_TOOL scan REPO` | {med['baseline']*1000:.0f} ms |")
print(f"| hf-scan, ignore rules | `dotnet-hf-scan scan REPO` | {med['ignore']*1000:.0f} ms |")
print(f"| hf-scan, no ignore rules | `dotnet-hf-scan scan --no-ignore REPO` | {med['no-ignore']*1000:.0f} ms |")
print(f"| ripgrep, .gitignore honoured | `rg -a -c 'hf_[A-Za-z0-9]{{34}}\\|api_org_[A-Za-z0-9]{{34}}' REPO` | {med['ripgrep']*1000:.0f} ms |")
print(f"\nRatio ignore / no-ignore: **{med['ignore']/med['no-ignore']:.2f}x**; hf-scan with ignore rules / ripgrep: **{med['ignore']/med['ripgrep']:.2f}x**.")
if "baseline" in med:
    print(f"Baseline / now with ignore rules: **{med['baseline']/med['ignore']:.2f}x**.")
print()
PY
cat "$out/ignore.md"
