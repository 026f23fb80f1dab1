#!/usr/bin/env bash
# History benchmark: hf-scan history against the practical limit (every object inflated once by
# `git cat-file --unordered` piped to ripgrep) and against git-secrets --scan-history.
# usage: bench/history/run.sh [COMMITS] [MEGABYTES]   (defaults: 20000 commits, 1024 MB)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
commits=${1:-20000}
megabytes=${2:-1024}
work=${BENCH_WORK:-/tmp/hf-scan-bench-history}
repo="$work/repo-$commits-$megabytes"
mkdir -p "$work"
if [ ! -d "$repo" ]; then
  python3 "$here/generate.py" "$repo" "$commits" "$megabytes"
fi

dotnet publish "$root/src/HfSecretScan.Tool/HfSecretScan.Tool.csproj" -c Release -o "$work/tool" -v q --nologo >/dev/null
tool="$work/tool/dotnet-hf-scan"
pattern='(hf_|api_org_)[A-Za-z0-9]{34}'

# git-secrets needs its pattern registered in the repository's config.
git -C "$repo" config --unset-all secrets.patterns >/dev/null 2>&1 || true
git -C "$repo" config --add secrets.patterns "$pattern"

echo "objects: $(git -C "$repo" count-objects -v | tr '\n' ' ')"
echo "hf-scan finds:"; "$tool" history "$repo" --quiet | tail -n 1 || true
hyperfine --warmup 1 --runs "${RUNS:-3}" --ignore-failure --export-markdown "$work/results-$commits-$megabytes.md" \
  -n "hf-scan history" "$tool history $repo --quiet --format json -o /dev/null" \
  -n "cat-file | rg" "git -C $repo cat-file --batch-all-objects --unordered --batch | rg -a -c -e '$pattern'"
if [ "${GIT_SECRETS:-1}" = 1 ]; then
  hyperfine --runs 1 --ignore-failure --export-markdown "$work/results-git-secrets-$commits-$megabytes.md" \
    -n "git-secrets --scan-history" "cd $repo && git secrets --scan-history"
fi
cat "$work"/results-*"$commits-$megabytes".md
