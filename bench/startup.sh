#!/usr/bin/env bash
# Start-up benchmark: the runs a developer feels on every commit and build. `scan` of a 50-file
# folder in a git repository whose .config/hf-scan.json holds excludes, and `staged` with a
# 10-file commit, both timed from process start with hyperfine, with ripgrep on the same folder for
# scale. Prints a Markdown table and writes it to bench/out/startup.md. The targets (issue 16):
# `scan` <= 3 x ripgrep's wall time, `staged` <= 25 ms.
#
# usage: bench/startup.sh [TOOL...]   (default: the portable IL-only build, as HfSecretScan.Tool.any holds it, and
#                                    the tool as `dotnet tool install` installs it: this platform's package, Native
#                                    AOT on linux-x64, else ReadyToRun; TOOLs may also be the dotnet-hf-scan of
#                                    installed tools, as NAME=PATH to name them, all timed in one hyperfine run)
# needs: dotnet, git, hyperfine, python3, rg
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$repo_root
out=$bench_out

names=() tools=()
if [ $# -ge 1 ]; then
  # NAME=TOOL names a build; a bare TOOL is named by its folder.
  for t in "$@"; do
    if [[ $t == *=* ]]; then names+=("${t%%=*}"); t=${t#*=}; else names+=("$(basename "$(dirname "$(realpath "$t")")")"); fi
    tools+=("$(realpath "$t")")
  done
else
  names=("IL, portable" "installed")
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
commands+=(-n "ripgrep, 50 files" "rg -uuu -a -c $token_pattern src")
# -i: ripgrep exits 1 when it finds nothing; every tool's exit code was checked above.
hyperfine -N -i --warmup 3 --runs 30 --export-json "$out/startup.json" "${commands[@]}" >&2

python3 - "$out/startup.json" <<'PY' | tee "$out/startup.md"
import json, sys, statistics
data = json.load(open(sys.argv[1]))
print("Temp git repository, `.config/hf-scan.json` with excludes, warm cache, 30 runs (hyperfine -N), wall time from process start.\n")
rg = statistics.median(next(r for r in data["results"] if r["command"].startswith("ripgrep"))["times"])
print("| command | median | mean ± σ | min | user + sys (mean) | vs ripgrep | target |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for r in data["results"]:
    t = r["times"]
    target = "<= 3 x ripgrep" if r["command"].startswith("scan") else "<= 25 ms" if r["command"].startswith("staged") else ""
    print(f"| {r['command']} | {statistics.median(t)*1000:.1f} ms | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms | {min(t)*1000:.1f} ms"
          f" | {(r['user']+r['system'])*1000:.1f} ms | {statistics.median(t)/rg:.1f} x | {target} |")
print()
for r in data["results"]:
    name = r["command"]
    if name.startswith("scan") or name.startswith("staged"):
        median = statistics.median(r["times"])
        print(f"{name}: {median*1000:.1f} ms median, {median/rg:.1f}x ripgrep"
              + (" (target <= 3x ripgrep)." if name.startswith("scan") else " (target <= 25 ms)."))
print()
PY
