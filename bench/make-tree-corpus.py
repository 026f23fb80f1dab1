#!/usr/bin/env python3
"""Builds the deterministic source-tree corpus for the tree benchmark.

About 300 MB in 20,000 source-like files (C#, Python, JSON, YAML, Markdown, .env), dense with
`hf_` near-misses (identifiers, placeholders, short and long runs) and with real-looking tokens
planted in a known set of files. Tokens are generated here at run time; none is committed.

usage: make-tree-corpus.py OUT_DIR [--files N] [--mb M]
Prints the number of planted tokens, so a benchmark can check its counts.
"""
import argparse
import os
import random
import string

ALNUM = string.ascii_letters + string.digits


def body(rng):
    return "".join(rng.choice(ALNUM) for _ in range(34))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--mb", type=int, default=300)
    args = ap.parse_args()
    rng = random.Random(20261129)
    user, org = "h" + "f_", "api" + "_org_"

    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 10))) for _ in range(4000)]
    near_misses = [
        "self." + user + "config = load(path)",
        "result = _call_" + user + "processor(inputs)",
        "from transformers import " + user + "argparser  # " + user + "hub helpers",
        "TOKEN = \"" + user + "x" * 34 + "\"  # placeholder",
        "token = \"" + user + "YOUR_TOKEN_HERE\"",
        "short = \"" + user + "abc123\"",
        "rhf_Sponsored = " + user + "like_identifier_with_underscores",
        "org = \"" + org + "controller\"",
        "value = \"" + user + "A" * 36 + "\"",
    ]
    templates = {
        ".cs": lambda: f"    var {rng.choice(words)} = {rng.choice(words)}.{rng.choice(words).capitalize()}({rng.randint(0, 999)}); // {rng.choice(words)}",
        ".py": lambda: f"    {rng.choice(words)} = {rng.choice(words)}({rng.choice(words)}, {rng.randint(0, 999)})  # {rng.choice(words)}",
        ".json": lambda: f'  "{rng.choice(words)}": "{rng.choice(words)} {rng.choice(words)}",',
        ".yaml": lambda: f"{rng.choice(words)}: {rng.choice(words)}-{rng.randint(0, 9999)}",
        ".md": lambda: f"The {rng.choice(words)} of {rng.choice(words)} is {rng.choice(words)} and {rng.choice(words)}.",
        ".env": lambda: f"{rng.choice(words).upper()}_{rng.choice(words).upper()}={rng.choice(words)}",
    }
    exts = list(templates)
    target = args.mb * 1024 * 1024 // args.files
    planted = 0
    for i in range(args.files):
        ext = exts[i % len(exts)]
        folder = os.path.join(args.out, f"d{i % 50:02}", f"s{(i // 50) % 8}")
        os.makedirs(folder, exist_ok=True)
        lines, size = [], 0
        size_goal = int(target * rng.uniform(0.5, 1.5))
        while size < size_goal:
            line = rng.choice(near_misses) if rng.random() < 0.01 else templates[ext]()
            lines.append(line)
            size += len(line) + 1
        if i % 97 == 0:
            token = (user if i % 2 == 0 else org) + body(rng)
            lines.insert(rng.randrange(len(lines)), f'HF_TOKEN="{token}"')
            planted += 1
        with open(os.path.join(folder, f"f{i:05}{ext}"), "w") as f:
            f.write("\n".join(lines))
            f.write("\n")
    print(planted)


if __name__ == "__main__":
    main()
