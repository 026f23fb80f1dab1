#!/usr/bin/env bash
# Archive benchmark: `dotnet-hf-scan scan --no-ignore` over a folder of real .nupkg files (copied
# from the NuGet package cache), against `unzip -p` piped to ripgrep for the same two patterns:
# every member inflated once and searched, which is the least any archive-opening scanner does.
# Also the same folder with --max-archive-depth 0 (archives as raw bytes), for the cost of opening
# them. Warm page cache. Prints a Markdown fragment and writes it to bench/out/archives.md.
#
# usage: bench/archives.sh [CORPUS_DIR]   (filled from ~/.nuget/packages when missing)
# env:   RUNS (10), HF_SCAN_TOOL (skip installing)
# needs: dotnet, hyperfine, ripgrep, unzip
set -euo pipefail
source "$(dirname "$0")/lib.sh"
corpus=$(realpath -m "${1:-$bench_dir/corpus/archives}")
runs=${RUNS:-10}
out=$bench_out

if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  find "${NUGET_PACKAGES:-$HOME/.nuget/packages}" -name '*.nupkg' -exec cp {} "$corpus/" \;
fi
tool=$(hf_scan_tool "$out/tool")
have hyperfine "archive timings" && have rg "archive timings" && have unzip "archive timings" || exit 0

count=$(find "$corpus" -name '*.nupkg' | wc -l)
size=$(du -sh "$corpus" | cut -f1)
hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$out/archives.json" \
  -n hf-scan "$tool scan --no-ignore $corpus" \
  -n hf-scan-raw "$tool scan --no-ignore --max-archive-depth 0 $corpus" \
  -n unzip-rg "bash -c 'for f in $corpus/*.nupkg; do unzip -p \"\$f\"; done | rg -a -c \"$token_pattern\"'" >&2

python3 - "$out/archives.json" "$count" "$size" <<'PY' | tee "$out/archives.md"
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
base = results["unzip-rg"]["median"]
print(f"Archive corpus: {sys.argv[2]} .nupkg files, {sys.argv[3]}.\n")
print("| command | median | user | ratio to unzip -p \\| rg |")
print("| --- | --- | --- | --- |")
for name in ("hf-scan", "hf-scan-raw", "unzip-rg"):
    r = results[name]
    print(f"| {name} | {r['median']*1000:.0f} ms | {r['user']*1000:.0f} ms | {r['median']/base:.2f} |")
print(f"\nhf-scan / unzip -p | rg: **{results['hf-scan']['median']/base:.2f}x** (target <= 1.0x).\n")
PY
