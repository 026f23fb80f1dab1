#!/usr/bin/env bash
# One-line benchmark: a 1 GiB file on a single line, with and without tokens, hf-scan against
# ripgrep (same two patterns), warm cache; peak RSS with /usr/bin/time -v. Prints a Markdown
# fragment and writes it to bench/out/oneline.md.
# usage: bench/oneline.sh [WORK_DIR]     needs: dotnet, python3, hyperfine, ripgrep
# env:   RUNS (5), HF_SCAN_TOOL (skip installing)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
work=$(realpath -m "${1:-$bench_dir/corpus}")
runs=${RUNS:-5}
mkdir -p "$work"
[ -f "$work/oneline-clean.txt" ] || python3 "$bench_dir/make-oneline.py" "$work/oneline-clean.txt"
[ -f "$work/oneline.txt" ] || python3 "$bench_dir/make-oneline.py" "$work/oneline.txt" --tokens
tool=$(hf_scan_tool "$bench_out/tool")
have hyperfine "one-line timings" && have rg "one-line timings" || exit 0

rows=()
for file in oneline-clean.txt oneline.txt; do
  hyperfine -N --warmup 1 --runs "$runs" -i --export-json "$bench_out/oneline-$file.json" \
    -n hf-scan "$tool scan --no-ignore $work/$file" \
    -n ripgrep "rg -uuu -a -c $token_pattern $work/$file" >&2
  rows+=("$file" "$(peak_rss_mb "$tool" scan --no-ignore "$work/$file")" "$(peak_rss_mb rg -uuu -a -c "$token_pattern" "$work/$file")")
done

python3 - "$bench_out" "$work" "$runs" "${rows[@]}" <<'PY' | tee "$bench_out/oneline.md"
import json, statistics, sys
out, work, runs, *rows = sys.argv[1:]
label = {"oneline-clean.txt": "no token", "oneline.txt": "two tokens, the last at the end"}
print(f"Files in `{work}` (bench/make-oneline.py). `hyperfine -N --warmup 1 --runs {runs}`, medians; "
      "hf-scan: `dotnet-hf-scan scan --no-ignore FILE`, ripgrep: `rg -uuu -a -c PATTERN FILE`.\n")
print("| file | hf-scan | ripgrep | ratio | hf-scan peak RSS | ripgrep peak RSS |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
summary = []
for i in range(0, len(rows), 3):
    name, hf_mem, rg_mem = rows[i:i + 3]
    med = {r["command"]: statistics.median(r["times"]) for r in json.load(open(f"{out}/oneline-{name}.json"))["results"]}
    hf, rg = med["hf-scan"], med["ripgrep"]
    print(f"| {label[name]} (`{name}`) | {hf*1000:.0f} ms | {rg*1000:.0f} ms | **{hf/rg:.2f}x** | {hf_mem} MB | {rg_mem} MB |")
    summary.append(f"{label[name]} {hf/rg:.2f}x ripgrep, {hf_mem} MB")
print(f"\nhf-scan: {'; '.join(summary)} (targets <= 1.2x ripgrep, peak RSS <= 150 MB).\n")
PY
