#!/usr/bin/env bash
# History benchmark: hf-scan history against the practical limit (every object inflated once by
# `git cat-file --unordered` piped to ripgrep) and against git-secrets --scan-history. Prints a
# Markdown fragment and writes it to bench/out/history.md.
# usage: bench/history/run.sh [COMMITS] [MEGABYTES]   (defaults: 20000 commits, 1024 MB)
#        HISTORY_REPO=PATH bench/history/run.sh      (an existing clone instead, e.g. huggingface_hub;
#                                                     git-secrets gets its pattern in that clone's config)
# env:   BENCH_WORK (/tmp/hf-scan-bench-history: repositories and tool), RUNS (3),
#        GIT_SECRETS (1; 0 skips git-secrets), HF_SCAN_TOOL (skip installing),
#        HISTORY_NAME (history: the fragment is bench/out/HISTORY_NAME.md)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
here=$bench_dir/history
commits=${1:-20000}
megabytes=${2:-1024}
work=${BENCH_WORK:-/tmp/hf-scan-bench-history}
runs=${RUNS:-3}
repo=${HISTORY_REPO:-$work/repo-$commits-$megabytes-repacked}
mkdir -p "$work"
if [ -z "${HISTORY_REPO:-}" ] && [ ! -d "$repo" ]; then
  python3 "$here/generate.py" "$repo" "$commits" "$megabytes"
fi
tool=$(hf_scan_tool "$work/tool")
have hyperfine "history timings" || exit 0
pattern='(hf_|api_org_)[A-Za-z0-9]{34}'
out=$bench_out/history
mkdir -p "$out"
rm -f "$out"/*.json

objects=$(git -C "$repo" count-objects -v | tr '\n' ' ')
blob_bytes=$(git -C "$repo" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob" {s+=$2} END {print s}')
found=$( ("$tool" history "$repo" --quiet --format json || true) | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["findings"])')
hf_cmd="$tool history $repo --quiet --format json -o /dev/null"
cat_cmd="git -C $repo cat-file --batch-all-objects --unordered --batch | rg -a -c -e '$pattern'"
peers=(-n "cat-file | rg" "$cat_cmd")
have rg "the cat-file | rg pipeline" || peers=()
hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$out/main.json" \
  -n "hf-scan history" "$hf_cmd" "${peers[@]}" >&2
hf_mem=$(peak_rss_mb "$tool" history "$repo" --quiet --format json -o /dev/null)
cat_mem=
[ ${#peers[@]} -eq 0 ] || cat_mem=$(peak_rss_mb bash -c "$cat_cmd")

if [ "${GIT_SECRETS:-1}" = 1 ] && have git-secrets "git secrets --scan-history"; then
  # git-secrets needs its pattern registered in the repository's config.
  git -C "$repo" config --unset-all secrets.patterns >/dev/null 2>&1 || true
  git -C "$repo" config --add secrets.patterns "$pattern"
  hyperfine --runs 1 --ignore-failure --export-json "$out/git-secrets.json" \
    -n "git secrets --scan-history" "cd $repo && git secrets --scan-history" >&2
fi

python3 - "$out" "$commits" "$megabytes" "$objects" "$blob_bytes" "$found" "$runs" "$hf_mem" "$cat_mem" "${HISTORY_REPO:-}" <<'PY' | tee "$bench_out/${HISTORY_NAME:-history}.md"
import json, os, statistics, sys
out, commits, megabytes, objects, blob_bytes, found, runs, hf_mem, cat_mem, existing = sys.argv[1:]
results = json.load(open(f"{out}/main.json"))["results"]
if os.path.exists(f"{out}/git-secrets.json"):
    results += json.load(open(f"{out}/git-secrets.json"))["results"]
med = {r["command"]: statistics.median(r["times"]) for r in results}
fields = objects.split()
stats = {fields[i].rstrip(":"): fields[i + 1] for i in range(0, len(fields) - 1, 2)}
shape = (f"{int(blob_bytes) / 2**20:,.1f} MiB of blob content, {int(stats.get('in-pack', 0)):,} packed objects in "
         f"{stats.get('packs', '?')} pack(s) of {int(stats.get('size-pack', 0)) / 1024:,.0f} MiB. "
         f"`hyperfine --warmup 1 --runs {runs}` (git-secrets: one run), medians. hf-scan reports **{found}** findings")
if existing:
    print(f"Repository `{existing}` (an existing clone): {shape}.\n")
else:
    print(f"Repository `bench/history/generate.py REPO {commits} {megabytes}`: {commits} commits, {shape} "
          "(7 tokens planted: old commits, a merge resolution only, a dangling commit).\n")
base = med.get("cat-file | rg")
mem = {"hf-scan history": hf_mem, "cat-file | rg": cat_mem}
text = {"hf-scan history": "`dotnet-hf-scan history REPO --quiet --format json -o /dev/null`",
        "cat-file | rg": "`git cat-file --batch-all-objects --unordered --batch \\| rg -a -c -e PATTERN`",
        "git secrets --scan-history": "`git secrets --scan-history` (pattern in `secrets.patterns`)"}
print("| command | median | relative to cat-file \\| rg | peak RSS |")
print("| --- | ---: | ---: | ---: |")
for name, seconds in med.items():
    rel = f"{seconds / base:.2f}x" if base else ""
    m = mem.get(name) or ""
    print(f"| {text[name]} | {seconds:.2f} s | {rel} | {m + ' MB' if m else ''} |")
hf = med["hf-scan history"]
print()
if base:
    print(f"hf-scan / cat-file pipeline: **{hf / base:.2f}x**, peak RSS {hf_mem} MB (targets <= 0.4x, <= 400 MB).")
if "git secrets --scan-history" in med:
    print(f"git-secrets / hf-scan: **{med['git secrets --scan-history'] / hf:.1f}x** (hf-scan is that many times faster).")
print("Peak RSS of the pipeline is that of its largest process (`/usr/bin/time -v bash -c …`).\n")
PY
