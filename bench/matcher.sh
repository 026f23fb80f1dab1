#!/usr/bin/env bash
# Matcher benchmark: BenchmarkDotNet on the matcher alone (bench/HfSecretScan.Benchmarks), 8 MiB in
# memory, one thread. Prints a Markdown fragment (median, throughput) and writes it to
# bench/out/matcher.md.
# usage: bench/matcher.sh [JOB]     (default job: short)       needs: dotnet, python3
set -euo pipefail
source "$(dirname "$0")/lib.sh"
job=${1:-short}
artifacts=$bench_out/bdn
rm -rf "$artifacts"
dotnet run -c Release --project "$bench_dir/HfSecretScan.Benchmarks" -- \
  --filter '*' --job "$job" --exporters json --artifacts "$artifacts" >&2

python3 - "$artifacts" "$job" <<'PY' | tee "$bench_out/matcher.md"
import glob, json, sys
artifacts, job = sys.argv[1:]
size = 8 << 20
label = {
    "NoCandidates": "no candidates (source-like text), `TokenMatcher.Find`",
    "DenseNearMisses": "an `hf_` near-miss every 64 bytes, `TokenMatcher.Find`",
    "Utf16Content": "UTF-16LE text through the content scanner",
    "PlainContent": "plain text through the content scanner (windows, copy)",
}
print(f"`dotnet run -c Release --project bench/HfSecretScan.Benchmarks -- --filter '*' --job {job}`: "
      "8 MiB in memory, one thread; throughput = 8 MiB / median.\n")
print("| benchmark | median | throughput | allocated |")
print("| --- | ---: | ---: | ---: |")
benchmarks = [b for path in sorted(glob.glob(f"{artifacts}/results/*.json")) for b in json.load(open(path))["Benchmarks"]]
for b in benchmarks:
    median_ns = b["Statistics"]["Median"]
    shown = f"{median_ns / 1e6:.2f} ms" if median_ns >= 1e6 else f"{median_ns / 1e3:.0f} µs"
    allocated = (b.get("Memory") or {}).get("BytesAllocatedPerOperation")
    print(f"| {label.get(b['Method'], b['Method'])} | {shown} | {size / median_ns:.1f} GB/s | "
          f"{'' if allocated is None else f'{allocated:,} B'} |")
plain = [size / b["Statistics"]["Median"] for b in benchmarks if b["Method"] == "NoCandidates"]
print(f"\nNo candidates: **{plain[0]:.1f} GB/s** on one core (target >= 4 GB/s per core).\n" if plain else "\nNo result (target: no candidates >= 4 GB/s per core).\n")
PY
