#!/usr/bin/env python3
"""Which of the tree corpus's planted tokens each tool reports, and how much else it reports.

The planted tokens are the `HF_TOKEN="..."` lines that make-tree-corpus.py inserts. They fall in
three classes that matter for peers: user tokens whose body is letters only, user tokens with a
digit in the body (most of them: 34 characters drawn from 62), and organisation (`api_org_`)
tokens. A tool's findings are read as `path:line` locations, so no token is ever printed here.

usage: planted.py CORPUS_DIR NAME=FINDINGS_FILE...
  FINDINGS_FILE holds either hf-scan's JSON report or lines that start with `path:line:`
  (ripgrep with `-n -o -r ''`, secretlint's unix format).
Prints a Markdown table.
"""
import json
import os
import re
import sys

MARK = 'HF_TOKEN="'
USER, ORG = "h" + "f_", "api" + "_org_"


def key(path):
    """The last three path components (dNN/sN/fNNNNN.ext): the same file whatever the tool's root."""
    return "/".join(os.path.normpath(path).split(os.sep)[-3:])


def planted(corpus):
    found = {}
    for folder, _, names in os.walk(corpus):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, encoding="ascii", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    if line.startswith(MARK):
                        value = line[len(MARK):].split('"', 1)[0]
                        if value.startswith(ORG):
                            kind = "org"
                        elif value[len(USER):].isalpha():
                            kind = "user, letters only"
                        else:
                            kind = "user, with digits"
                        found[(key(path), number)] = kind
    return found


def locations(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if text.lstrip().startswith("{"):
        report = json.loads(text)
        return [(key(x["path"]), x["line"]) for x in report["findings"]]
    result = []
    for line in text.splitlines():
        m = re.match(r"^(.*?):(\d+):", line)
        if m:
            result.append((key(m.group(1)), int(m.group(2))))
    return result


def main():
    corpus, specs = sys.argv[1], sys.argv[2:]
    truth = planted(corpus)
    kinds = ["user, with digits", "user, letters only", "org"]
    tools = []
    for spec in specs:
        name, path = spec.split("=", 1)
        if not os.path.exists(path):
            continue
        found = locations(path)
        hits = {loc for loc in found if loc in truth}
        other = sum(1 for loc in found if loc not in truth)
        tools.append((name, hits, other))
    header = "| planted tokens | count | " + " | ".join(t[0] for t in tools) + " |"
    print(header)
    print("| --- | ---: |" + " ---: |" * len(tools))
    for kind in kinds:
        total = sum(1 for k in truth.values() if k == kind)
        cells = [str(sum(1 for loc in t[1] if truth[loc] == kind)) for t in tools]
        print(f"| {kind} | {total} | " + " | ".join(cells) + " |")
    print(f"| **all planted** | **{len(truth)}** | " + " | ".join(f"**{len(t[1])}**" for t in tools) + " |")
    print("| reported elsewhere (near-misses, placeholders) | 0 | " + " | ".join(str(t[2]) for t in tools) + " |")


if __name__ == "__main__":
    main()
