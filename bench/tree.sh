#!/usr/bin/env bash
# Tree benchmark: `dotnet-hf-scan scan --no-ignore` against ripgrep searching the same two patterns
# over the deterministic ~300 MB / 20,000-file corpus, warm page cache. Prints a Markdown section
# (medians, ratio, peak memory) and writes it to bench/out/tree.md.
#
# usage: bench/tree.sh [CORPUS_DIR]     (the corpus is generated there when missing)
# needs: dotnet, python3, hyperfine, ripgrep, /usr/bin/time
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus=${1:-$here/corpus/tree}
out=$here/out
mkdir -p "$out"

if [ ! -d "$corpus" ]; then
  echo "generating corpus in $corpus" >&2
  python3 "$here/make-tree-corpus.py" "$corpus" >/dev/null
fi

dotnet publish "$root/src/HfSecretScan.Tool" -c Release -o "$out/tool" -v quiet -nologo >/dev/null
tool=$out/tool/dotnet-hf-scan
pattern='hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34}'

hyperfine -N --warmup 3 --runs 15 -i --export-json "$out/tree.json" \
  -n hf-scan "$tool scan --no-ignore $corpus" \
  -n ripgrep "rg -uuu -a -c $pattern $corpus" >&2

peak() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log"; rm -f "$log"
}
hf_mem=$(peak "$tool" scan --no-ignore "$corpus")
rg_mem=$(peak rg -uuu -a -c "$pattern" "$corpus")
found=$( ("$tool" scan --no-ignore -f json "$corpus" || true) | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["findings"])')
rg_found=$(rg -uuu -a -o -N --no-filename "(^|[^A-Za-z0-9_])($pattern)([^A-Za-z0-9_]|$)" "$corpus" | wc -l)

python3 - "$out/tree.json" "$hf_mem" "$rg_mem" "$found" "$rg_found" "$corpus" <<'PY' | tee "$out/tree.md"
import json, sys, statistics
data = json.load(open(sys.argv[1]))
med = {r["command"]: statistics.median(r["times"]) for r in data["results"]}
hf, rg = med["hf-scan"], med["ripgrep"]
print("### Tree: `scan --no-ignore` vs ripgrep\n")
print(f"Corpus: `{sys.argv[6]}` (bench/make-tree-corpus.py). Warm cache, 15 runs, medians.\n")
print("| tool | median wall | peak RSS | tokens reported |")
print("| --- | --- | --- | --- |")
print(f"| hf-scan | {hf*1000:.0f} ms | {sys.argv[2]} MB | {sys.argv[4]} |")
print(f"| ripgrep (`rg -uuu -a -c`, both patterns) | {rg*1000:.0f} ms | {sys.argv[3]} MB | {sys.argv[5]} (regex with boundaries, no placeholder filter) |")
print(f"\nRatio hf-scan / ripgrep: **{hf/rg:.2f}x** wall time.")
PY
