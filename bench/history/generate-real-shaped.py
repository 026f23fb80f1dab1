#!/usr/bin/env python3
"""Generates a history shaped like a real library's, for the history benchmark's second workload.

usage: generate-real-shaped.py TARGET [COMMITS] [FILES] [TAGS]

Where generate.py makes 200 files rewritten over and over (few, deep delta chains), this makes what
a project such as huggingface_hub has: FILES source files (default 4,000) in nested packages, COMMITS
commits (default 12,000) that each edit one to six of them a little, so that most files have a few
versions and the pack holds many short delta chains; a release tag every few commits (TAGS in all,
default 3,000, half of them annotated) and a few hundred merged feature branches left as refs. Tokens
are planted in a few old commits and removed again, built at run time so this file holds none. The
repository is repacked as a clone is (git's default depth 50) at the end.
"""
import random
import subprocess
import sys

target = sys.argv[1]
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 12000
file_count = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
tags = int(sys.argv[4]) if len(sys.argv) > 4 else 3000
rng = random.Random(20261202)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
words = ["model", "token", "dataset", "config", "repo_id", "revision", "snapshot", "hf_hub_download",
         "self", "return", "import", "def", "class", "value", "path", "cache", "upload", "commit",
         "None", "raise", "if", "else", "for", "in", "with", "as", "async", "await", "headers"]
packages = ["src/hub", "src/hub/utils", "src/hub/commands", "src/hub/inference", "src/hub/serialization",
            "tests", "tests/fixtures", "docs/source/en", "docs/source/ko", "utils", "contrib"]


def token():
    return "h" + "f_" + "".join(rng.choice(alphabet) for _ in range(34))


def line():
    indent = "    " * rng.randint(0, 3)
    return indent + " ".join(rng.choice(words) for _ in range(rng.randint(3, 10))) + "\n"


paths = sorted({f"{rng.choice(packages)}/{'_'.join(rng.sample(words, 2))}_{i}.py" for i in range(file_count)})
contents = {p: [line() for _ in range(rng.randint(20, 400))] for p in paths}
planted = set(rng.sample(range(commits // 10, commits // 2), 12))

subprocess.run(["git", "init", "-q", "-b", "main", target], check=True)
proc = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE, cwd=target)
out = proc.stdin
planted_tokens = 0


def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")


def commit(ref, n, changes, parents=(), message=None):
    out.write(f"commit {ref}\nmark :{n}\n".encode())
    out.write(f"author Dev {n % 37} <dev{n % 37}@example.com> {1600000000 + n * 600} +0000\n".encode())
    out.write(f"committer Dev {n % 37} <dev{n % 37}@example.com> {1600000000 + n * 600} +0000\n".encode())
    data(message or f"Change {n}: {' '.join(rng.sample(words, 4))}\n")
    for i, parent in enumerate(parents):
        out.write(f"{'from' if i == 0 else 'merge'} :{parent}\n".encode())
    for path, text in changes:
        out.write(f"M 100644 inline {path}\n".encode())
        data(text)
    out.write(b"\n")


mark = 1
commit("refs/heads/main", mark, [(p, "".join(c)) for p, c in contents.items()])
main_head = mark
annotated = 0
branches = 0
for n in range(1, commits):
    mark += 1
    changes = []
    for path in rng.sample(paths, rng.randint(1, 6)):
        lines = contents[path]
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(lines))
            if rng.random() < 0.5:
                lines[at] = line()
            else:
                lines.insert(at, line())
        if n in planted:
            planted_tokens += 1
            lines.insert(rng.randrange(len(lines)), f'HF_TOKEN = "{token()}"\n')
        elif any("HF_TOKEN" in x for x in lines) and rng.random() < 0.5:
            contents[path] = lines = [x for x in lines if "HF_TOKEN" not in x]
        changes.append((path, "".join(lines)))
    if n % 40 == 0:
        # A feature branch of one commit, merged back and left as a ref, as pull requests leave them.
        branch = f"refs/heads/feature/{n}"
        commit(branch, mark, changes, parents=(main_head,))
        mark += 1
        commit("refs/heads/main", mark, [], parents=(main_head, mark - 1), message=f"Merge feature {n}\n")
        branches += 1
    else:
        commit("refs/heads/main", mark, changes, parents=(main_head,))
    main_head = mark
    if n % max(1, commits // tags) == 0:
        name = f"v{n // 1000}.{(n // 10) % 100}.{n % 10}-{n}"
        if annotated * 2 < n // max(1, commits // tags):
            out.write(f"tag {name}\nfrom :{mark}\ntagger Release <release@example.com> {1600000000 + n * 600} +0000\n".encode())
            data(f"Release {name}\n")
            annotated += 1
        else:
            out.write(f"reset refs/tags/{name}\nfrom :{mark}\n\n".encode())
out.write(b"done\n")
out.close()
if proc.wait() != 0:
    sys.exit("git fast-import failed")
subprocess.run(["git", "-C", target, "repack", "-adf", "-q", "--depth=50", "--window=10"], check=True)
print(f"{target}: {commits} commits, {len(paths)} files, {branches} feature branches, {tags} tags, {planted_tokens} planted tokens")
