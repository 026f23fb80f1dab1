#!/usr/bin/env bash
# Fuzzes every parser of untrusted bytes with AFL++ and SharpFuzz, one target after another on one core.
#   tests/HfSecretScan.Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
# SECONDS_PER_TARGET defaults to 60; no TARGET means all (`dotnet HfSecretScan.Fuzz.dll list`).
# Output goes to $HF_SCAN_FUZZ_OUT (default /tmp/hf-scan-fuzz, outside the repository): findings/TARGET/
# is afl-fuzz's folder. A crash replays with `dotnet bin/HfSecretScan.Fuzz.dll TARGET < CRASH_FILE`.
set -euo pipefail

seconds=${1:-60}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
out=${HF_SCAN_FUZZ_OUT:-/tmp/hf-scan-fuzz}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && apt-get install -y -qq afl++
fi
sharpfuzz=$out/tools/sharpfuzz
if [ ! -x "$sharpfuzz" ]; then
  dotnet tool install --tool-path "$out/tools" SharpFuzz.CommandLine --version 2.3.0
fi

# Instrumenting rewrites the published assemblies in place, so each run publishes afresh.
rm -rf "$out/bin"
dotnet publish "$here/HfSecretScan.Fuzz.csproj" -c Release -o "$out/bin" --nologo -v quiet
fuzz=(dotnet "$out/bin/HfSecretScan.Fuzz.dll")

# Seeds: a real repository made by git (a pack with deltas, loose objects, an index, an annotated
# tag), and what the program writes in code (archives, encodings, JSON answers).
repo=$out/repo
rm -rf "$repo" "$out/seeds"
git init -q "$repo"
g() { git -C "$repo" -c user.name=fuzz -c user.email=fuzz@localhost -c commit.gpgsign=false "$@"; }
mkdir -p "$repo/src/deep"
seq 1 200 | sed 's/^/line /' > "$repo/src/deep/long.txt"
printf '*.log\n/build/\n' > "$repo/.gitignore"
g add -A && g commit -q -m "first"
sed -i 's/^line 1[0-9]$/changed &/' "$repo/src/deep/long.txt"
g add -A && g commit -q -m "second" -m "with a body"
g tag -a v1 -m "a tag"
g repack -q -a -d -f --window=10 --depth=10
echo "after the pack" > "$repo/loose.txt"
g add -A && g commit -q -m "third, loose"
"${fuzz[@]}" seeds "$out/seeds" "$repo/.git"
"${fuzz[@]}" list > "$out/targets"

# After the seeds and the list: instrumented code writes coverage to afl-fuzz's shared memory,
# and outside afl-fuzz there is none.
for assembly in HfSecretScan.Core HfSecretScan.Git.Storage HfSecretScan.Hub SharpCompress; do
  "$sharpfuzz" "$out/bin/$assembly.dll"
done

mapfile -t targets < <(if [ $# -gt 0 ]; then printf '%s\n' "$@"; else cat "$out/targets"; fi)
mkdir -p "$out/tmp" "$out/findings"
for target in "${targets[@]}"; do
  rm -rf "$out/findings/$target"
  # The fuzzer's own time limit ends it; timeout only guards against a fuzzer that does not start.
  AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 \
    TMPDIR=$out/tmp timeout $((seconds + 120)) \
    afl-fuzz -V "$seconds" -t 5000 -m none -i "$out/seeds/$target" -o "$out/findings/$target" -- "${fuzz[@]}" "$target" \
    > "$out/findings/$target.log" 2>&1 || echo "afl-fuzz for $target exited $?; see $out/findings/$target.log"
done

printf '%-16s %12s %8s %8s %8s  %s\n' target executions seconds crashes hangs inputs
for target in "${targets[@]}"; do
  stats=$out/findings/$target/default/fuzzer_stats
  [ -f "$stats" ] || { printf '%-16s no fuzzer_stats\n' "$target"; continue; }
  stat() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
  printf '%-16s %12s %8s %8s %8s  %s\n' "$target" "$(stat execs_done)" "$(stat run_time)" "$(stat saved_crashes)" "$(stat saved_hangs)" \
    "$out/findings/$target/default/{crashes,hangs}"
done
