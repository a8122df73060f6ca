#!/usr/bin/env python3
"""Seeds a fuzz target's corpus from the repository's fixtures and the shared test vectors.

Usage: python3 fuzz/seed_corpus.py TARGET CORPUS_DIR   (run from the repository root)

Each seeder yields (name, bytes). A target without a seeder starts from an empty corpus; to seed
a new target, add a function and list it in SEEDERS. Missing sources (e.g. no ../shared) are
skipped, so seeding never fails.
"""
import json
import pathlib
import sys

SHARED = pathlib.Path("../shared/vectors")
FIXTURES = pathlib.Path("crates/mapping-core/tests/fixtures")
EXAMPLES = pathlib.Path("examples")


def load(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def cases(name):
    data = load(SHARED / name)
    return data.get("cases", []) if isinstance(data, dict) else []


def walk(value):
    """Every JSON value nested in `value`, itself included."""
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)


def fixture_documents():
    for path in sorted(FIXTURES.glob("*.json")):
        yield path.stem, path.read_bytes()


def payload_mappings():
    for case in cases("payloads.json"):
        if case.get("mappings") is not None:
            yield case["id"], json.dumps(case["mappings"]).encode()


def seed_parse_check_eval():
    for case in cases("expressions.json"):
        data = case["expr"].encode()
        if "source" in case:
            data += b"\0" + json.dumps(case["source"]).encode()
        yield case["id"], data


def seed_target_path():
    targets = set()
    docs = [load(p) for p in FIXTURES.glob("*.json")] + [json.loads(m) for _, m in payload_mappings()]
    for doc in docs:
        for v in walk(doc):
            if isinstance(v, dict):
                for key in ("targetAttributeName", "target"):
                    if isinstance(v.get(key), str):
                        targets.add(v[key])
    for i, t in enumerate(sorted(targets)):
        yield f"target-{i}", t.encode()


def seed_graph_user():
    for path in sorted(EXAMPLES.glob("*.json")):
        yield path.stem, path.read_bytes()
    for case in cases("payloads.json"):
        if case.get("user") is not None:
            yield case["id"], json.dumps(case["user"]).encode()


def seed_schema_json():
    yield from fixture_documents()
    yield from payload_mappings()


def seed_phone():
    numbers = {"+1 317 872 3000 x105", "(317) 872-3000", "+44 20 7946 0958", "tel:+13178723000;ext=105", "105"}
    for case in cases("expressions.json"):
        for v in walk(case.get("source", {})):
            if isinstance(v, str) and sum(c.isdigit() for c in v) >= 3:
                numbers.add(v)
    for doc in [load(p) for p in EXAMPLES.glob("*.json")]:
        for v in walk(doc):
            if isinstance(v, str) and sum(c.isdigit() for c in v) >= 7 and len(v) < 40:
                numbers.add(v)
    for i, n in enumerate(sorted(numbers)):
        yield f"us-work-{i}", n.encode()
        for region, kind in (("GB", "mobile"), ("DE", "fax"), ("", "other")):
            yield f"{region or 'none'}-{kind}-{i}", f"{region}\0{kind}\0{n}".encode()


def seed_share_link():
    """A few fragment shapes and state objects (the target reads every input as a fragment, as
    saved JSON, and as an object laid over the default state)."""
    yield "fragment-empty", b"#s="
    yield "fragment-other", b"#other"
    yield "payload-damaged", b"eJzLSM3JyVcozy_KSQEAGgQEXQ"
    yield "state-version-only", b'{"version": 1}'
    # Objects laid over the default state by the target.
    yield "overlay-settings", json.dumps({"settings": {"phoneRegion": "GB", "dialect": "aadOptscim062020",
                                                       "genesysGroups": ["Sales", "Zoë"], "provisioned": {"a": "b"}}}).encode()
    yield "overlay-ui", json.dumps({"ui": {"setupTab": "user", "resultsTab": "trace", "traceRow": 7, "theme": "dark"}}).encode()
    for path in sorted(EXAMPLES.glob("*.graph.json")):
        yield "overlay-user-" + path.stem, json.dumps({"user": path.read_text(encoding="utf-8"), "before": "{}"}).encode()


def seed_directory_readers():
    directory = EXAMPLES / "directory"
    for path in sorted(directory.glob("*.json")):
        data = path.read_bytes()
        yield path.stem, data
        doc = load(path)
        users = doc if isinstance(doc, list) else (doc or {}).get("value") or (doc or {}).get("Resources") or []
        if users:
            yield path.stem + "-ndjson", b"".join(json.dumps(u).encode() + b"\n" for u in users[:20])
            yield path.stem + "-array", json.dumps(users[:20]).encode()
    for path in sorted(directory.glob("*.csv")) + sorted(directory.glob("*.ndjson")):
        yield path.name, path.read_bytes()
    yield "download-csv", (
        "\ufeffuserPrincipalName,displayName,objectId,accountEnabled,telephoneNumber,mobile\n"
        "jane@contoso.com,Jane Doe,0a21,False,+1 425 555 0100,\n"
        '"a,b@contoso.com","Doe, J",0a22,True,,"+44 20 7946 0958"\n'
    ).encode()


SEEDERS = {
    "parse_check_eval": seed_parse_check_eval,
    "target_path": seed_target_path,
    "graph_user": seed_graph_user,
    "schema_json": seed_schema_json,
    "phone": seed_phone,
    "share_link": seed_share_link,
    "directory_readers": seed_directory_readers,
}


def main():
    target, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    seeder = SEEDERS.get(target)
    count = 0
    for name, data in seeder() if seeder else ():
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
        (out / f"seed-{safe}").write_bytes(data)
        count += 1
    print(f"{target}: {count} seeds")


if __name__ == "__main__":
    main()
