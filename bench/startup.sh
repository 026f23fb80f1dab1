#!/usr/bin/env bash
# Start-up benchmark: the runs a developer feels on every commit and build. `scan` of a 50-file
# folder in a git repository whose .config/hf-scan.json holds excludes, and `staged` with a
# 10-file commit, both timed from process start with hyperfine. Prints a Markdown table and writes
# it to bench/out/startup.md. The target (issue 6) is <= 150 ms wall for each.
#
# usage: bench/startup.sh [TOOL...]   (default: the portable IL-only build, as HfSecretScan.Tool.any holds it, and
#                                    the tool as `dotnet tool install` installs it: this platform's ReadyToRun
#                                    package; TOOLs may also be the dotnet-hf-scan of installed tools)
# needs: dotnet, git, hyperfine, python3
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$repo_root
out=$bench_out

names=() tools=()
if [ $# -ge 1 ]; then
  for t in "$@"; do names+=("$(basename "$(dirname "$(realpath "$t")")")"); tools+=("$(realpath "$t")"); done
else
  names=("IL, portable" "R2R, installed")
  tools=("$(hf_scan_portable_tool "$out/startup-il")" "$(hf_scan_tool "$out/tool")")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
mkdir -p "$repo/src" "$repo/.config" "$repo/generated"
git -C "$repo" init -q
git -C "$repo" config user.email bench@example.invalid
git -C "$repo" config user.name bench
cat > "$repo/.config/hf-scan.json" <<'JSON'
{
  "exclude": ["generated/**", "**/*.min.js", "docs/fixtures/**"]
}
JSON
# 50 source files of ~4 KB each, with near-misses (`hf_` followed by too few characters) but no token.
for i in $(seq 1 50); do
  {
    echo "// file $i"
    for j in $(seq 1 40); do
      echo "    var hf_value$j = Configuration.Read(\"hf_setting_$i\"); // line $j of module $i"
    done
  } > "$repo/src/module$i.cs"
done
for i in $(seq 1 5); do echo "generated $i" > "$repo/generated/out$i.cs"; done
git -C "$repo" add -A
git -C "$repo" commit -q -m "base"
# A 10-file commit in the making: 10 changed files staged.
for i in $(seq 1 10); do echo "    // changed in the staged commit" >> "$repo/src/module$i.cs"; done
git -C "$repo" add -A

cd "$repo"
commands=()
for i in "${!tools[@]}"; do
  tool=${tools[$i]} name=${names[$i]}
  ("$tool" scan src >/dev/null && "$tool" staged >/dev/null) || {
    echo "$tool failed on the scenario (expected exit code 0)" >&2; exit 1; }
  commands+=(-n "scan, 50 files ($name)" "$tool scan src" -n "staged, 10 files ($name)" "$tool staged" -n "version ($name)" "$tool --version")
done
hyperfine -N --warmup 3 --runs 30 --export-json "$out/startup.json" "${commands[@]}" >&2

python3 - "$out/startup.json" <<'PY' | tee "$out/startup.md"
import json, sys, statistics
data = json.load(open(sys.argv[1]))
print("Temp git repository, `.config/hf-scan.json` with excludes, warm cache, 30 runs (hyperfine -N), wall time from process start.\n")
print("| command | median | mean ± σ | min | user + sys (mean) | target |")
print("| --- | --- | --- | --- | --- | --- |")
for r in data["results"]:
    t = r["times"]
    target = "" if r["command"].startswith("version") else "<= 150 ms"
    print(f"| {r['command']} | {statistics.median(t)*1000:.0f} ms | {r['mean']*1000:.0f} ± {r['stddev']*1000:.0f} ms | {min(t)*1000:.0f} ms | {(r['user']+r['system'])*1000:.0f} ms | {target} |")
slowest = {}
for r in data["results"]:
    if not r["command"].startswith("version"):
        build = r["command"].rsplit("(", 1)[-1].rstrip(")")
        slowest[build] = max(slowest.get(build, 0), statistics.median(r["times"]))
print("\nSlowest median of `scan` and `staged`: " + ", ".join(f"{v*1000:.0f} ms ({k})" for k, v in slowest.items()) + " (target <= 150 ms).\n")
PY
