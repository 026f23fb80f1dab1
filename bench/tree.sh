#!/usr/bin/env bash
# Tree benchmark: `dotnet-hf-scan scan --no-ignore` against ripgrep searching the same two patterns
# and against secretlint's recommended preset, over the deterministic ~300 MB / 20,000-file corpus,
# warm page cache. Prints a Markdown fragment (medians, ratios, peak memory, which planted tokens
# each tool reports) and writes it to bench/out/tree.md.
#
# usage: bench/tree.sh [CORPUS_DIR]     (the corpus is generated there when missing)
# env:   RUNS (15), SECRETLINT_RUNS (3; 0 skips secretlint), HF_SCAN_TOOL (skip installing)
# needs: dotnet, python3, hyperfine, ripgrep, /usr/bin/time; for secretlint node + npm (bench/secretlint)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
corpus=$(realpath -m "${1:-$bench_dir/corpus/tree}")
runs=${RUNS:-15}
secretlint_runs=${SECRETLINT_RUNS:-3}
out=$bench_out

if [ ! -d "$corpus" ]; then
  echo "generating corpus in $corpus" >&2
  python3 "$bench_dir/make-tree-corpus.py" "$corpus" >/dev/null
fi
tool=$(hf_scan_tool "$out/tool")
have hyperfine "tree timings" && have rg "tree timings" || exit 0

hyperfine -N --warmup 3 --runs "$runs" -i --export-json "$out/tree.json" \
  -n hf-scan "$tool scan --no-ignore $corpus" \
  -n "hf-scan, layers off" "$tool scan --no-ignore --max-decode-depth 0 --max-archive-depth 0 $corpus" \
  -n ripgrep "rg -uuu -a -c $token_pattern $corpus" >&2

# secretlint: its own dependencies in bench/secretlint (package-lock.json), installed on first use.
secretlint_dir=$bench_dir/secretlint
secretlint=$secretlint_dir/node_modules/.bin/secretlint
rm -f "$out/tree-secretlint.json" "$out/tree-secretlint.txt"
if [ "$secretlint_runs" -gt 0 ] && have node "secretlint on the tree" && have npm "secretlint on the tree"; then
  [ -x "$secretlint" ] || (cd "$secretlint_dir" && npm ci --no-audit --no-fund >&2) ||
    echo "missing: secretlint (npm ci in bench/secretlint failed); skipped: secretlint on the tree" >&2
fi
if [ "$secretlint_runs" -gt 0 ] && [ -x "$secretlint" ]; then
  secretlint_cmd="$secretlint --secretlintrc $secretlint_dir/.secretlintrc.json --format unix '$corpus/**/*'"
  # Every secretlint run starts in bench/secretlint, where it would look for a .secretlintignore.
  (cd "$secretlint_dir" && hyperfine -N --warmup 0 --runs "$secretlint_runs" -i \
    --export-json "$out/tree-secretlint.json" -n secretlint "$secretlint_cmd" >&2)
  # secretlint masks what it finds (maskSecrets); only path:line is kept for the planted-token table.
  (cd "$secretlint_dir" && eval "$secretlint_cmd" || true) | cut -d: -f1,2 | sed 's/$/:/' > "$out/tree-secretlint.txt"
  sl_mem=$(cd "$secretlint_dir" && eval "peak_rss_mb $secretlint_cmd")
fi

hf_mem=$(peak_rss_mb "$tool" scan --no-ignore "$corpus")
rg_mem=$(peak_rss_mb rg -uuu -a -c "$token_pattern" "$corpus")
("$tool" scan --no-ignore -f json "$corpus" || true) > "$out/tree-hf-scan.json"
rg -uuu -a -n -o -r '' "$token_pattern" "$corpus" > "$out/tree-ripgrep.txt" || true

python3 - "$out" "$corpus" "$hf_mem" "$rg_mem" "${sl_mem:-}" "$runs" "$secretlint_runs" <<'PY' > "$out/tree.md"
import json, os, statistics, sys
out, corpus, hf_mem, rg_mem, sl_mem, runs, sl_runs = sys.argv[1:]
med = {r["command"]: statistics.median(r["times"]) for r in json.load(open(f"{out}/tree.json"))["results"]}
sl = None
if os.path.exists(f"{out}/tree-secretlint.json"):
    sl = statistics.median(json.load(open(f"{out}/tree-secretlint.json"))["results"][0]["times"])
hf, off, rg = med["hf-scan"], med["hf-scan, layers off"], med["ripgrep"]
print(f"Corpus `{corpus}` (bench/make-tree-corpus.py). `hyperfine -N --warmup 3 --runs {runs}` for hf-scan and ripgrep"
      + (f"; secretlint in its own hyperfine run, `--runs {sl_runs}`" if sl else "") + ". Medians, warm cache.\n")
print("| tool | command | median wall | peak RSS |")
print("| --- | --- | ---: | ---: |")
print(f"| hf-scan | `dotnet-hf-scan scan --no-ignore CORPUS` | {hf*1000:.0f} ms | {hf_mem} MB |")
print(f"| hf-scan, layers off | `dotnet-hf-scan scan --no-ignore --max-decode-depth 0 --max-archive-depth 0 CORPUS` | {off*1000:.0f} ms | |")
print(f"| ripgrep | `rg -uuu -a -c 'hf_[A-Za-z0-9]{{34}}\\|api_org_[A-Za-z0-9]{{34}}' CORPUS` | {rg*1000:.0f} ms | {rg_mem} MB |")
if sl:
    print(f"| secretlint | `secretlint --secretlintrc bench/secretlint/.secretlintrc.json --format unix 'CORPUS/**/*'` | {sl:.2f} s | {sl_mem} MB |")
else:
    print("| secretlint | not measured (node/npm missing or SECRETLINT_RUNS=0) | | |")
print(f"\nRatio hf-scan / ripgrep: **{hf/rg:.2f}x** wall time, decoding and archives on (target <= 0.5x).")
print(f"Layers on / layers off: **{hf/off:.2f}x** (target <= 1.1x); layers off / ripgrep: {off/rg:.2f}x.")
if sl:
    print(f"secretlint / hf-scan: **{sl/hf:.0f}x** (hf-scan is that many times faster).")
print()
PY
python3 "$bench_dir/planted.py" "$corpus" hf-scan="$out/tree-hf-scan.json" ripgrep="$out/tree-ripgrep.txt" \
  secretlint="$out/tree-secretlint.txt" >> "$out/tree.md"
cat "$out/tree.md"
