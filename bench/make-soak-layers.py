#!/usr/bin/env python3
"""Builds the part of the soak tree that exercises the layers and large files.

Beside make-tree-corpus.py's source files, the soak tree needs what a scan opens or decodes:
zips (a member with a token, deflated), tar.gz files holding a zip that holds a token (two levels),
gzipped logs, Kubernetes-style YAML with a base64 value that decodes to a token, binaries with a
UTF-16LE token, archives and base64 without a token, and a few large text files (tens of MB, the
token near the end, so the windowed scanner crosses many windows). Each planted file holds exactly
one token, so the expected finding count is the number of planted files. Tokens are generated here
at run time; none is committed.

usage: make-soak-layers.py OUT_DIR [--each N] [--large-mb M]
Prints the number of planted tokens.
"""
import argparse
import base64
import gzip
import io
import os
import random
import string
import tarfile
import zipfile

ALNUM = string.ascii_letters + string.digits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--each", type=int, default=400, help="files of each kind")
    ap.add_argument("--large-mb", type=int, default=64, help="size of each of the four large text files")
    args = ap.parse_args()
    rng = random.Random(20261202)
    user, org = "h" + "f_", "api" + "_org_"

    def token():
        return rng.choice((user, org)) + "".join(rng.choice(ALNUM) for _ in range(34))

    def filler(lines):
        return "".join(f"value_{rng.getrandbits(40):010x} = compute({rng.randint(0, 9999)})\n" for _ in range(lines))

    def zip_bytes(members):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in members:
                z.writestr(name, text)
        return buffer.getvalue()

    def write(path, data):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

    planted = 0
    for i in range(args.each):
        folder = os.path.join(args.out, f"l{i % 20:02}")
        write(f"{folder}/pkg{i:04}.whl", zip_bytes([("pkg/__init__.py", filler(200)), ("pkg/.env", f"HF_TOKEN={token()}\n")]))
        write(f"{folder}/clean{i:04}.zip", zip_bytes([("a.py", filler(300)), ("b.json", filler(100))]))

        inner = zip_bytes([("conf/settings.py", filler(50) + f"TOKEN = '{token()}'\n")])
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
            for name, data in (("layer/readme.md", filler(100).encode()), ("layer/app.zip", inner)):
                entry = tarfile.TarInfo(name)
                entry.size = len(data)
                tar.addfile(entry, io.BytesIO(data))
        write(f"{folder}/image{i:04}.tar.gz", buffer.getvalue())

        write(f"{folder}/run{i:04}.log.gz", gzip.compress((filler(400) + f"login with {token()}\n" + filler(400)).encode()))

        secret = base64.b64encode(f"HF_TOKEN={token()}".encode()).decode()
        write(f"{folder}/secret{i:04}.yaml", f"apiVersion: v1\nkind: Secret\ndata:\n  token: {secret}\n")
        write(f"{folder}/blob{i:04}.yaml", f"data:\n  key: {base64.b64encode(rng.randbytes(600)).decode()}\n")

        write(f"{folder}/model{i:04}.bin", rng.randbytes(4000) + b"\0\0" + token().encode("utf-16-le") + b"\0\0" + rng.randbytes(4000))
        planted += 5

    for i in range(4):
        lines = args.large_mb * 1024 * 1024 // 40
        write(os.path.join(args.out, "large", f"dump{i}.txt"), filler(lines) + f"HF_TOKEN={token()}\n" + filler(1000))
        planted += 1
    print(planted)


if __name__ == "__main__":
    main()
