#!/usr/bin/env python3
"""The size report of dist/: what the page fetches before it is interactive (gzip and brotli),
against the budget in scripts/size-budget.txt, and the parts loaded later, separately.

    python3 scripts/size_report.py [DIST]     (default: dist; run scripts/postbuild.py first)

"Before interactive" = what dist/index.html makes the browser fetch to start the app: its
stylesheets, icon, (module)preloads, scripts, and the JS and WASM named in
<meta name="trunk-app">. Everything else in dist/ (the service worker, the manifest, copies, the
Directory view's worker module, fetched when that view runs its first check) is
"later". Lesson content is compiled into the WASM; its share is printed for information.
Exits 1 above the budget: the one size assertion the project makes (README, "Performance and
size").
"""
import glob
import gzip
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUDGET_FILE = os.path.join(ROOT, "scripts", "size-budget.txt")
LESSONS = os.path.join(ROOT, "crates", "mapping-core", "src", "learn", "lessons", "*.json")


class Critical(HTMLParser):
    """Collects the URLs index.html loads before the app is interactive."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "modulepreload", "preload"):
            self.urls.append(a.get("href"))
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "meta" and a.get("name") == "trunk-app":
            self.urls += [a.get("data-js"), a.get("data-wasm")]


def budget():
    for line in open(BUDGET_FILE):
        line = line.strip()
        if line and not line.startswith("#"):
            return int(line)
    sys.exit(f"{BUDGET_FILE}: no number")


def sizes(path):
    raw = os.path.getsize(path)
    gz = os.path.getsize(path + ".gz") if os.path.exists(path + ".gz") else len(gzip.compress(open(path, "rb").read(), 9))
    br = os.path.getsize(path + ".br") if os.path.exists(path + ".br") else None
    return raw, gz, br


def table(title, rows):
    print(f"\n{title}")
    print(f"  {'file':<46} {'raw':>10} {'gzip -9':>10} {'brotli':>10}")
    for name, (raw, gz, br) in rows:
        print(f"  {name:<46} {raw:>10,} {gz:>10,} {br if br is None else format(br, ','):>10}")
    raw = sum(r[1][0] for r in rows)
    gz = sum(r[1][1] for r in rows)
    br = sum(r[1][2] or 0 for r in rows)
    print(f"  {'total':<46} {raw:>10,} {gz:>10,} {br:>10,}")
    return gz, br


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    index = os.path.join(dist, "index.html")
    parser = Critical()
    parser.feed(open(index, encoding="utf-8").read())
    files = sorted(
        os.path.relpath(os.path.join(d, f), dist).replace(os.sep, "/")
        for d, _, names in os.walk(dist)
        for f in names
        if not f.endswith((".gz", ".br"))
    )
    # Hashed names are unique, so the file name alone identifies the file under any public URL.
    wanted = {os.path.basename(urlparse(u).path) for u in parser.urls if u}
    critical = ["index.html"] + [f for f in files if os.path.basename(f) in wanted]
    later = [f for f in files if f not in critical]
    missing = wanted - {os.path.basename(f) for f in critical}
    if missing:
        sys.exit(f"index.html names files that are not in {dist}/: {sorted(missing)}")
    gz, br = table("before interactive (index.html and what it loads)", [(f, sizes(os.path.join(dist, f))) for f in critical])
    table("loaded later (service worker, manifest, copies, the Directory view's worker)", [(f, sizes(os.path.join(dist, f))) for f in later])
    lessons = [open(p, "rb").read() for p in sorted(glob.glob(LESSONS))]
    if lessons:
        data = b"".join(lessons)
        print(f"\nlesson content: {len(lessons)} lessons, {len(data):,} bytes raw, {len(gzip.compress(data, 9)):,} gzip -9 (compiled into the wasm when the page uses the lessons)")
    limit = budget()
    print(f"\nbudget: {gz:,} of {limit:,} bytes gzip before interactive ({100 * gz / limit:.0f}%); brotli {br:,}")
    if gz > limit:
        print(f"OVER BUDGET by {gz - limit:,} bytes gzip (scripts/size-budget.txt)")
        sys.exit(1)


if __name__ == "__main__":
    main()
