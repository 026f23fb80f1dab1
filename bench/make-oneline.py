#!/usr/bin/env python3
"""Writes the one-line benchmark file: MEGABYTES MiB of source-like ASCII on a single line.

usage: make-oneline.py OUT [--mb 1024] [--tokens]
With --tokens, two tokens are planted (after about 100 MiB and at the very end), generated here at
run time; none is committed.
"""
import argparse
import random
import string


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=1024)
    ap.add_argument("--tokens", action="store_true")
    args = ap.parse_args()
    rng = random.Random(7)
    chunk = "".join(rng.choice(string.ascii_lowercase + "    .,;(){}=") for _ in range(1 << 20)).encode()
    token = ("h" + "f_" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(34))).encode()
    with open(args.out, "wb") as f:
        for i in range(args.mb):
            f.write(chunk)
            if args.tokens and i in (min(100, args.mb - 1), args.mb - 1):
                f.write(b' "' + token + b'" ')
        f.write(b"\n")


if __name__ == "__main__":
    main()
