#!/usr/bin/env bash
# One-line benchmark: a 1 GiB file on a single line, with and without tokens, hf-scan against
# ripgrep (same two patterns), warm cache; peak RSS with /usr/bin/time -v.
# usage: bench/oneline.sh [WORK_DIR]     needs: dotnet, python3, hyperfine, ripgrep
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${1:-$here/corpus}
mkdir -p "$work" "$here/out"
[ -f "$work/oneline-clean.txt" ] || python3 "$here/make-oneline.py" "$work/oneline-clean.txt"
[ -f "$work/oneline.txt" ] || python3 "$here/make-oneline.py" "$work/oneline.txt" --tokens
dotnet publish "$root/src/HfSecretScan.Tool" -c Release -o "$here/out/tool" -v quiet -nologo >/dev/null
tool=$here/out/tool/dotnet-hf-scan
pattern='hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34}'
for file in oneline-clean.txt oneline.txt; do
  hyperfine -N --warmup 1 --runs 5 -i \
    -n "hf-scan $file" "$tool scan --no-ignore $work/$file" \
    -n "ripgrep $file" "rg -uuu -a -c $pattern $work/$file"
  for cmd in "$tool scan --no-ignore $work/$file" "rg -uuu -a -c $pattern $work/$file"; do
    log=$(mktemp)
    /usr/bin/time -v $cmd >/dev/null 2>"$log" || true
    echo "peak RSS of '${cmd%% *} … $file': $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2/1024}' "$log")"
    rm -f "$log"
  done
done
