#!/usr/bin/env python3
"""After `trunk build`: writes the service worker's precache list and version into dist/sw.js,
then writes precompressed `.gz` and `.br` files beside every file in dist/.

    python3 scripts/postbuild.py [DIST]     (default: dist)

Brotli comes from the Python `brotli` module when installed, else from the `brotli` command
(Debian package `brotli`; scripts/setup.sh installs it). Exits non-zero with a message when
dist/sw.js lacks the constants to rewrite or no brotli is available.
"""
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

COMPRESSED = (".gz", ".br")
# Files the worker must not cache: itself (the browser fetches it to look for updates).
NOT_PRECACHED = {"sw.js"}


def site_files(root):
    """Every file of the site, relative to root, with '/' separators, sorted."""
    out = []
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name.endswith(COMPRESSED):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            out.append(rel.replace(os.sep, "/"))
    return sorted(out)


def write_service_worker(root, files):
    path = os.path.join(root, "sw.js")
    text = open(path, encoding="utf-8").read()
    precache = ["./"] + [f for f in files if f not in NOT_PRECACHED]
    digest = hashlib.sha256()
    for f in precache[1:]:
        digest.update(f.encode())
        digest.update(open(os.path.join(root, f), "rb").read())
    version = digest.hexdigest()[:16]
    replaced = 0
    for pattern, value in (
        (r"^const VERSION = .*;$", f"const VERSION = {json.dumps(version)};"),
        (r"^const PRECACHE = .*;$", f"const PRECACHE = {json.dumps(precache)};"),
    ):
        text, n = re.subn(pattern, lambda _m, v=value: v, text, count=1, flags=re.M)
        replaced += n
    if replaced != 2:
        sys.exit(f"postbuild: {path}: `const VERSION = …;` and `const PRECACHE = …;` lines not found")
    open(path, "w", encoding="utf-8").write(text)
    print(f"postbuild: sw.js version {version}, {len(precache)} files precached")


def brotli_compressor():
    try:
        import brotli  # type: ignore

        return lambda data: brotli.compress(data, quality=11)
    except ImportError:
        pass
    cli = shutil.which("brotli")
    if not cli:
        sys.exit("postbuild: no brotli: install the Debian package `brotli` (scripts/setup.sh does)")
    return lambda data: subprocess.run([cli, "-c", "-q", "11", "-"], input=data, capture_output=True, check=True).stdout


def compress_all(root, files):
    br = brotli_compressor()
    for f in files:
        path = os.path.join(root, f)
        data = open(path, "rb").read()
        # mtime=0: the same build gives the same bytes.
        open(path + ".gz", "wb").write(gzip.compress(data, compresslevel=9, mtime=0))
        open(path + ".br", "wb").write(br(data))
    print(f"postbuild: {len(files)} files precompressed (.gz, .br)")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "dist"
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit(f"postbuild: {root}/index.html not found: run `trunk build` first")
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.endswith(COMPRESSED):
                os.remove(os.path.join(dirpath, name))
    files = site_files(root)
    write_service_worker(root, files)
    compress_all(root, files)


if __name__ == "__main__":
    main()
