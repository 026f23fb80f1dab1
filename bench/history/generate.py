#!/usr/bin/env python3
"""Generates the history benchmark repository with git fast-import, then repacks it as a clone is packed.

usage: generate.py TARGET [COMMITS] [MEGABYTES] [LARGE_MEGABYTES]     (env REUSE_DELTAS=1: see the end)

COMMITS commits (default 20000) on main, with a side branch merged back every 500 commits;
about MEGABYTES (default 1024) of blob content in all (each commit rewrites part of one of 200
files). Tokens are planted in old commits and removed again, one only in a merge resolution,
and one only in a dangling commit. With LARGE_MEGABYTES (default 0: none), a binary file of that
size is committed three times (a quarter, three quarters and all the way into the history), each
version a few changed ranges away from the previous one, the middle one with a token: objects
larger than what a reader keeps in memory whole, and deltas against them.
Tokens are built at run time so this file holds none.
fast-import writes a flat pack (each blob a delta of the previous version at most); a clone gets a
pack with long delta chains (git's default depth 50), which is what history scans meet, so the
repository is repacked that way at the end (a few minutes for 1 GB; the dangling commit's objects
are loose and stay).
"""
import os
import random
import subprocess
import sys

target = sys.argv[1]
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
megabytes = int(sys.argv[3]) if len(sys.argv) > 3 else 1024
large_megabytes = int(sys.argv[4]) if len(sys.argv) > 4 else 0
rng = random.Random(20240601)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
words = ["model", "token", "dataset", "config", "train", "eval", "batch", "layer", "weight", "loss",
         "the", "for", "return", "self", "import", "def", "class", "value", "path", "cache"]


def token():
    return "h" + "f_" + "".join(rng.choice(alphabet) for _ in range(34))


def line():
    return " ".join(rng.choice(words) for _ in range(rng.randint(4, 12))) + f" {rng.getrandbits(32):08x}\n"


files = 200
blob_size = megabytes * 1024 * 1024 // commits
lines_per_file = max(8, blob_size // 60)
contents = [[line() for _ in range(lines_per_file)] for _ in range(files)]
planted = {}
for i in range(5):  # old commits get a token, removed again a few commits later
    planted[commits // 50 + i * 37] = (i, token())

subprocess.run(["git", "init", "-q", "-b", "main", target], check=True)
importer = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=target, stdin=subprocess.PIPE)
out = importer.stdin
mark = 0
when = 1_600_000_000


def emit_commit(ref, message, changes, parent=None, merge=None):
    global mark, when
    mark += 1
    when += 60
    out.write(f"commit {ref}\nmark :{mark}\ncommitter Bench <bench@example.com> {when} +0000\n".encode())
    data = message.encode()
    out.write(f"data {len(data)}\n".encode() + data + b"\n")
    if parent:
        out.write(f"from :{parent}\n".encode())
    if merge:
        out.write(f"merge :{merge}\n".encode())
    for path, text in changes:
        blob = text if isinstance(text, bytes) else text.encode()
        out.write(f"M 100644 inline {path}\ndata {len(blob)}\n".encode() + blob + b"\n")
    return mark


def change(index):
    content = contents[index]
    for _ in range(max(1, len(content) // 20)):
        content[rng.randrange(len(content))] = line()
    return (f"src/pkg{index % 20:02d}/module{index:03d}.py", "".join(content))


large = {}
if large_megabytes:
    # Random bytes: binary (a NUL within the first 8000 bytes is all but certain) and never a token by chance.
    weights = bytearray(rng.randbytes(large_megabytes * 1024 * 1024))
    for version, n in enumerate((commits // 4, commits * 3 // 4, commits - 1)):
        for _ in range(8):
            at = rng.randrange(len(weights) - 4096)
            weights[at:at + 4096] = rng.randbytes(4096)
        secret = (b"\0" + token().encode() + b"\0") if version == 1 else b"\0" * 38
        weights[len(weights) // 2:len(weights) // 2 + 38] = secret
        large[n] = bytes(weights)


removals = {}
main_tip = None
for n in range(commits):
    index = rng.randrange(files)
    changes = [change(index)]
    if n in planted:
        k, secret = planted[n]
        changes.append((f"config/settings{k}.env", f"HF_TOKEN={secret}\n"))
        removals[n + 3] = k
    if n in removals:
        changes.append((f"config/settings{removals[n]}.env", "HF_TOKEN=\n"))
    if n in large:
        changes.append(("weights/model.bin", large[n]))
    if n % 500 == 250 and main_tip is not None:
        side = emit_commit("refs/heads/side", f"side work {n}", [change((index + 1) % files)], parent=main_tip)
        main_tip = emit_commit("refs/heads/main", f"commit {n}", changes, parent=main_tip)
        main_tip = emit_commit("refs/heads/main", f"merge side {n}", [], parent=main_tip, merge=side)
        continue
    main_tip = emit_commit("refs/heads/main", f"commit {n}", changes, parent=main_tip)

# A token that only a merge resolution introduced.
side = emit_commit("refs/heads/feature", "feature", [("app/settings.py", "TOKEN = None  # feature\n")], parent=main_tip)
main_tip = emit_commit("refs/heads/main", "main change", [("app/settings.py", "TOKEN = None  # main\n")], parent=main_tip)
emit_commit("refs/heads/main", "merge feature", [("app/settings.py", f"TOKEN = '{token()}'\n")], parent=main_tip, merge=side)
emit_commit("refs/heads/main", "drop token", [("app/settings.py", "TOKEN = None\n")], parent=mark)
out.close()
if importer.wait() != 0:
    sys.exit("git fast-import failed")

# A dangling commit: its token is reachable from no ref or reflog.
env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")
blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=target, input=f"key={token()}\n".encode(),
                      capture_output=True, check=True).stdout.decode().strip()
tree = subprocess.run(["git", "mktree"], cwd=target, input=f"100644 blob {blob}\tleak.txt\n".encode(),
                      capture_output=True, check=True).stdout.decode().strip()
subprocess.run(["git", "commit-tree", tree, "-p", "main", "-m", "amended away"], cwd=target, env=env,
               capture_output=True, check=True)
# REUSE_DELTAS=1 keeps fast-import's deltas (one pack still, in minutes less): for sizes where the
# full delta search would take longer than the run it prepares.
reuse = os.environ.get("REUSE_DELTAS") == "1"
subprocess.run(["git", "repack", "-a", "-d"] + ([] if reuse else ["-f"]) + ["--depth=50", "--window=10", "-q"], cwd=target, check=True)
print(f"{target}: {commits} commits, about {megabytes} MB of blob content"
      + (f" and three {large_megabytes} MB binary versions" if large_megabytes else "")
      + (", repacked with fast-import's deltas" if reuse else ", repacked"))
