#!/usr/bin/env bash
# Soak run (issue 15): the installed tool over a tree of 200,000+ files (source-like files, archives,
# gzipped logs, base64 secrets, binaries with UTF-16 tokens, a few large files) and over a history of
# 5+ GiB of blobs (deep delta chains, three 200 MiB binary versions), each run once under
# /usr/bin/time -v: wall time, CPU, peak memory, and the counts that say the run was whole (findings
# equal to the tokens planted, no problem). A tenth of the tree is scanned as well, to see whether
# peak memory follows the input's size. Prints a Markdown fragment and writes it to bench/out/soak.md.
#
# usage: bench/soak.sh [CORPUS_ROOT]   (CORPUS_ROOT/soak-tree and CORPUS_ROOT/soak-history, generated
#                                       when missing; default bench/corpus)
# env:   SOAK_FILES (200000), SOAK_TREE_MB (800), SOAK_COMMITS (50000), SOAK_HISTORY_MB (5120),
#        SOAK_LARGE_MB (200), SOAK_REUSE_DELTAS (1: the repack keeps fast-import's deltas; a full delta
#        search over 5 GiB takes longer than everything else here), HF_SCAN_TOOL (skip installing)
# needs: dotnet, python3, git, /usr/bin/time; disk: about 1.5 GB for the tree, 2 GB for the repository
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root=$(realpath -m "${1:-$bench_dir/corpus}")
tree=$root/soak-tree
repo=$root/soak-history
files=${SOAK_FILES:-200000}
tree_mb=${SOAK_TREE_MB:-800}
commits=${SOAK_COMMITS:-50000}
history_mb=${SOAK_HISTORY_MB:-5120}
large_mb=${SOAK_LARGE_MB:-200}
out=$bench_out/soak
mkdir -p "$root" "$out"
if [ ! -x /usr/bin/time ]; then echo "missing: /usr/bin/time; skipped: the soak run" >&2; exit 0; fi

# The planted counts are written beside the tree, not in it, so that the scan does not read them.
if [ ! -d "$tree" ]; then
  echo "generating the soak tree in $tree" >&2
  python3 "$bench_dir/make-tree-corpus.py" "$tree/src" --files "$files" --mb "$tree_mb" > "$tree.src-planted"
  python3 "$bench_dir/make-soak-layers.py" "$tree/layers" > "$tree.layers-planted"
fi
if [ ! -d "$repo" ]; then
  echo "generating the soak history in $repo (fast-import, then one repack)" >&2
  REUSE_DELTAS=${SOAK_REUSE_DELTAS:-1} python3 "$bench_dir/history/generate.py" "$repo" "$commits" "$history_mb" "$large_mb" >&2
fi
tree_planted=$(( $(cat "$tree.src-planted") + $(cat "$tree.layers-planted") ))
# generate.py plants 7 tokens, and one more in the middle version of the large binary file.
history_planted=7
[ "$large_mb" -eq 0 ] || history_planted=8
tool=$(hf_scan_tool "$out/tool")

# One run of the tool under /usr/bin/time -v; NAME.json holds its report, NAME.time the measurements.
# usage: measure NAME ARG...
measure() {
  local name=$1; shift
  echo "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/$name.load"
  /usr/bin/time -v -o "$out/$name.time" "$tool" "$@" --format json -o "$out/$name.json" 2> "$out/$name.err" || true
  echo "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/$name.load"
}

measure tree scan --no-ignore "$tree"
measure tree-tenth scan --no-ignore "$tree"/src/d0[0-4] "$tree/layers/l00" "$tree/layers/l01"
measure history history "$repo" --quiet

tree_shape="$(find "$tree" -type f | wc -l) files, $(du -sm --apparent-size "$tree" | cut -f1) MiB"
tenth_shape="$(find "$tree"/src/d0[0-4] "$tree/layers/l00" "$tree/layers/l01" -type f | wc -l) files"
blob_bytes=$(git -C "$repo" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob" {s+=$2} END {printf "%.0f\n", s}')
objects=$(git -C "$repo" count-objects -v | tr '\n' ' ')
python3 - "$out" "$tree_shape" "$tenth_shape" "$tree_planted" "$history_planted" "$blob_bytes" "$objects" "$commits" "$history_mb" "$large_mb" <<'PY' | tee "$bench_out/soak.md"
import json, sys
out, tree_shape, tenth_shape, tree_planted, history_planted, blob_bytes, objects, commits, history_mb, large_mb = sys.argv[1:]
fields = objects.split()
stats = {fields[i].rstrip(":"): fields[i + 1] for i in range(0, len(fields) - 1, 2)}


def timing(name):
    values = {}
    for line in open(f"{out}/{name}.time"):
        key, _, value = line.strip().rpartition(": ")
        values[key] = value
    wall = values["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    return seconds, float(values["User time (seconds)"]), float(values["System time (seconds)"]), int(values["Maximum resident set size (kbytes)"]) / 1024


def summary(name):
    try:
        return json.load(open(f"{out}/{name}.json"))["summary"]
    except (OSError, ValueError):
        return None


print(f"Tree `CORPUS_ROOT/soak-tree` (bench/make-tree-corpus.py and bench/make-soak-layers.py): {tree_shape}, "
      f"{tree_planted} tokens planted (plain, in zips, in a zip in a tar.gz, in gzipped logs, base64 in YAML, UTF-16 in binaries, near the end of four 50 MB files).")
print(f"History `CORPUS_ROOT/soak-history` (`bench/history/generate.py REPO {commits} {history_mb} {large_mb}`): "
      f"{int(blob_bytes) / 2**30:,.2f} GiB of blob content, {int(stats.get('in-pack', 0)):,} packed objects in {stats.get('packs', '?')} pack(s) "
      f"of {int(stats.get('size-pack', 0)) / 1024:,.0f} MiB, {history_planted} tokens planted.\n")
print("| run | command | wall | user | sys | peak RSS | items | findings (planted) | problems | load average before, after |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
runs = [("tree", "`scan --no-ignore TREE`", tree_planted),
        ("tree-tenth", f"`scan --no-ignore` over a tenth ({tenth_shape})", None),
        ("history", "`history REPO --quiet`", history_planted)]
for name, command, planted in runs:
    wall, user, sys_, rss = timing(name)
    s = summary(name)
    load = " / ".join(l.strip() for l in open(f"{out}/{name}.load"))
    if s is None:
        print(f"| {name} | {command} | {wall:.1f} s | {user:.1f} s | {sys_:.1f} s | {rss:.0f} MB | no report (see bench/out/soak/{name}.err) | | | {load} |")
        continue
    found = f"{s['findings']} ({planted})" if planted else str(s["findings"])
    print(f"| {name} | {command} | {wall:.1f} s | {user:.1f} s | {sys_:.1f} s | {rss:.0f} MB | {s['itemsScanned']:,} | {found} | {s['problems']} | {load} |")
print()
PY
