#!/usr/bin/env bash
# Regenerates bench/RESULTS.md from scratch: builds the corpora that are missing, installs the tool
# once, runs every benchmark (tree, one-line, history, matcher, MSBuild, start-up), and writes the
# machine, the commands, the tables and ratios, with the hand-written analysis from bench/notes/*.md.
# A measurement whose tool is missing says so in its section and the run goes on.
#
# usage: bench/run-all.sh
# env:   TREE_CORPUS      tree corpus folder             (bench/corpus/tree)
#        ONELINE_DIR      folder of the one-line files    (bench/corpus)
#        IGNORE_REPO      ignore-rules repository         (bench/corpus/ignore)
#        HISTORY_COMMITS  commits in the history repo     (20000)
#        HISTORY_MB       MB of blob content in it        (1024)
#        BENCH_WORK       where history repos live        (/tmp/hf-scan-bench-history)
#        REAL_HISTORY     the real-shaped history repo    (BENCH_WORK/real-shaped; bench/history/generate-real-shaped.py)
#        ARCHIVE_CORPUS   folder of .nupkg files          (bench/corpus/archives; filled from the NuGet cache)
#        QUIET_LOAD       wait (up to QUIET_WAIT s, 300) before each benchmark until the 1-minute load
#                         average is below this (off when unset)
#        ONLY             space-separated subset of: tree ignore oneline history history-real archives matcher msbuild startup soak (the
#                         others keep their last results from bench/out); soak runs only when named here: its
#                         corpora take half an hour to generate on 2 cores
#        SOAK_ROOT        where the soak tree and history live (bench/corpus)
#        RESULTS          output file                     (bench/RESULTS.md)
# needs: dotnet, python3, git, hyperfine, ripgrep, /usr/bin/time; optional: node + npm (secretlint), git-secrets
set -uo pipefail
source "$(dirname "$0")/lib.sh"
tree_corpus=$(realpath -m "${TREE_CORPUS:-$bench_dir/corpus/tree}")
oneline_dir=$(realpath -m "${ONELINE_DIR:-$bench_dir/corpus}")
ignore_repo=$(realpath -m "${IGNORE_REPO:-$bench_dir/corpus/ignore}")
history_commits=${HISTORY_COMMITS:-20000}
history_mb=${HISTORY_MB:-1024}
soak_root=$(realpath -m "${SOAK_ROOT:-$bench_dir/corpus}")
only=${ONLY:-tree ignore oneline history history-real archives matcher msbuild startup}
real_history=$(realpath -m "${REAL_HISTORY:-${BENCH_WORK:-/tmp/hf-scan-bench-history}/real-shaped}")
archive_corpus=$(realpath -m "${ARCHIVE_CORPUS:-$bench_dir/corpus/archives}")
results=${RESULTS:-$bench_dir/RESULTS.md}
logs=$bench_out/logs
mkdir -p "$logs"

load() { cut -d' ' -f1-3 /proc/loadavg; }

wait_for_quiet() {
  [ -n "${QUIET_LOAD:-}" ] || return 0
  local waited=0
  while awk -v max="$QUIET_LOAD" '{exit !($1 >= max)}' /proc/loadavg && [ "$waited" -lt "${QUIET_WAIT:-300}" ]; do
    sleep 10; waited=$((waited + 10))
  done
}

# Runs one benchmark script; its fragment stays in bench/out/NAME.md, the load average it started
# at in bench/out/NAME.load (so a run with ONLY keeps the others' results), its log in bench/out/logs.
# usage: run NAME SCRIPT [ARG...]
run() {
  local name=$1; shift
  [[ " $only " == *" $name "* ]] || return 0
  wait_for_quiet
  load > "$bench_out/$name.load"
  echo "== $name (load $(load)): $*" >&2
  rm -f "$bench_out/$name.md"
  if ! "$@" >"$logs/$name.log" 2>&1; then
    echo "$name failed; see $logs/$name.log" >&2
    { echo "**The run failed** (exit code shown in \`bench/out/logs/$name.log\`); last lines:"; echo; echo '```'
      tail -n 15 "$logs/$name.log"; echo '```'; echo; } > "$bench_out/$name.md"
  fi
  grep '^missing: ' "$logs/$name.log" >> "$bench_out/$name.md" 2>/dev/null || true
}

started=$(date -u '+%Y-%m-%d %H:%M UTC')
start_load=$(load)
echo "packing and installing the tool" >&2
HF_SCAN_TOOL=$(hf_scan_tool "$bench_out/tool") || { echo "dotnet pack or tool install failed" >&2; exit 1; }
export HF_SCAN_TOOL

run tree "$bench_dir/tree.sh" "$tree_corpus"
run ignore "$bench_dir/ignore.sh" "$ignore_repo"
run oneline "$bench_dir/oneline.sh" "$oneline_dir"
run history "$bench_dir/history/run.sh" "$history_commits" "$history_mb"
if [ -d "$real_history" ]; then
  run history-real env HISTORY_REPO="$real_history" HISTORY_NAME=history-real GIT_SECRETS=0 "$bench_dir/history/run.sh"
elif [[ " $only " == *" history-real "* ]]; then
  echo "missing: $real_history (make it with \`python3 bench/history/generate-real-shaped.py $real_history\`); skipped: the real-shaped history" > "$bench_out/history-real.md"
fi
run archives "$bench_dir/archives.sh" "$archive_corpus"
run matcher "$bench_dir/matcher.sh" short
run msbuild "$bench_dir/msbuild.sh" 7
# startup.sh compares the installed (ReadyToRun) tool with the portable IL-only build: that difference is what it measures.
run startup "$bench_dir/startup.sh"
run soak "$bench_dir/soak.sh" "$soak_root"
end_load=$(load)

version() { "$@" 2>/dev/null | head -n 1 || true; }
fragment() { [ -f "$bench_out/$1.md" ] && cat "$bench_out/$1.md" || echo "Not run."; echo; }
note() { [ -f "$bench_dir/notes/$1.md" ] && { cat "$bench_dir/notes/$1.md"; echo; }; }
loaded() { echo; [ -f "$bench_out/$1.load" ] && echo "Load average (1, 5, 15 min) when it started: $(cat "$bench_out/$1.load")." && echo; }

{
  echo "# Benchmark results"
  echo
  echo "Generated by \`bench/run-all.sh\` on $started; do not edit by hand: the tables come from the scripts, the"
  echo "analysis from \`bench/notes/*.md\`. Ratios taken in one hyperfine run are what to compare; absolute times drift."
  echo
  echo "## Machine"
  echo
  echo "| | |"
  echo "| --- | --- |"
  echo "| CPU | $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores for this run ($(grep -c ^processor /proc/cpuinfo) online); $(grep -o -w -m1 -E 'avx512bw|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')|"
  echo "| memory | $(free -m | awk '/^Mem:/ {printf "%.1f GiB total, %.1f GiB available at the start", $2/1024, $7/1024}') |"
  echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r) |"
  echo "| load average (1, 5, 15 min) | $start_load at the start of this run, $end_load at its end; each section says its own; the machine is shared with other builds |"
  echo "| .NET | SDK $(version dotnet --version) |"
  echo "| peers | $(version rg --version); $(version git --version); git-secrets $(dpkg-query -W -f='${Version}' git-secrets 2>/dev/null || echo missing); $(version hyperfine --version); node $(version node --version); secretlint $( [ -x "$bench_dir/secretlint/node_modules/.bin/secretlint" ] && version "$bench_dir/secretlint/node_modules/.bin/secretlint" --version || echo 'not installed') |"
  echo
  echo "## Summary against the targets"
  echo
  echo "Issue 16's goals where it sets one (tree, history, start-up, MSBuild, layers); issue 6's for the others."
  echo
  for name in tree ignore oneline history history-real archives matcher msbuild startup; do
    [ -f "$bench_out/$name.md" ] && grep -h -i -E 'target|^Ratio ignore' "$bench_out/$name.md" | grep -v '^|'  | sed "s/^/- $name: /"
  done
  echo
  echo "## Tree: \`scan --no-ignore\` against ripgrep and secretlint"
  echo
  echo "\`bench/tree.sh $tree_corpus\` (20,000 source-like files, 300 MiB, 207 planted tokens, 1 % of lines"
  echo "\`hf_\` near-misses and placeholders; \`bench/make-tree-corpus.py\` makes it when missing)."
  loaded tree
  fragment tree
  note tree
  note tree-secretlint
  echo "## Ignore rules: \`scan\` of a git repository against \`scan --no-ignore\` and ripgrep"
  echo
  echo "\`bench/ignore.sh $ignore_repo\` (50,000 tracked files with GitHub's VisualStudio and Node .gitignore templates,"
  echo "nested .gitignore files and ignored build output; \`bench/make-ignore-repo.py\` makes it when missing)."
  loaded ignore
  fragment ignore
  note ignore
  echo "## One-line file: 1 GiB on a single line"
  echo
  echo "\`bench/oneline.sh $oneline_dir\`: 1 GiB of source-like ASCII on one line, with two tokens (at about"
  echo "100 MiB and at the very end), and the same without tokens."
  loaded oneline
  fragment oneline
  note oneline
  echo "## History: \`history\` against \`git cat-file | rg\` and git-secrets"
  echo
  echo "\`BENCH_WORK=${BENCH_WORK:-/tmp/hf-scan-bench-history} bench/history/run.sh $history_commits $history_mb\` (HISTORY_COMMITS, HISTORY_MB;"
  echo "the issue's size is 20000 commits and 1024 MB): a repository made with \`git fast-import\` by \`bench/history/generate.py\`,"
  echo "a side branch merged every 500 commits, tokens planted in old commits, in a merge resolution only and in a dangling commit,"
  echo "then repacked as a clone is packed (\`git repack -a -d -f --depth=50 --window=10\`: delta chains up to 50 deep)."
  loaded history
  fragment history
  note history
  echo "## History of a real-shaped repository"
  echo
  echo "\`HISTORY_REPO=$real_history bench/history/run.sh\`: made by \`bench/history/generate-real-shaped.py\`, shaped like a"
  echo "library's history (many short delta chains, thousands of refs, large trees); git-secrets not run."
  loaded history-real
  fragment history-real
  echo "## Archives: \`scan\` of .nupkg files against \`unzip -p | rg\`"
  echo
  echo "\`bench/archives.sh $archive_corpus\`: the .nupkg files of the NuGet package cache."
  loaded archives
  fragment archives
  note layers
  echo "## Matcher alone (BenchmarkDotNet)"
  echo
  echo "\`bench/matcher.sh short\`."
  loaded matcher
  fragment matcher
  note matcher
  echo "## Build integration"
  echo
  echo "\`bench/msbuild.sh 7\`."
  loaded msbuild
  fragment msbuild
  note msbuild
  echo "## Start-up"
  echo
  echo "\`bench/startup.sh\`: \`scan\` of a 50-file folder in a git repository with a \`.config/hf-scan.json\` holding excludes,"
  echo "and \`staged\` with a 10-file commit, for the portable IL-only build (what \`HfSecretScan.Tool.any\` holds) and for the tool as \`dotnet tool install\` installs it (this platform's ReadyToRun package)."
  loaded startup
  fragment startup
  note startup
  echo "## Soak: a 200,000-file tree and a 5 GiB history"
  echo
  echo "\`bench/soak.sh $soak_root\` (issue 15): the installed tool once over each, under \`/usr/bin/time -v\`; the corpora are"
  echo "generated when missing (the tree by \`bench/make-tree-corpus.py\` and \`bench/make-soak-layers.py\`, the history by"
  echo "\`bench/history/generate.py\` with three large binary versions, repacked once keeping fast-import's deltas)."
  loaded soak
  fragment soak
  note soak
} | cat -s > "$results.new"
mv "$results.new" "$results"
echo "wrote $results" >&2
