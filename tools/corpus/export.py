#!/usr/bin/env python3
"""Regenerate corpus/releases/ from the gold files in corpus/gold/ (plus the seed release).

Each gold file becomes the raw text presstag reads, exactly as ../shared/eval/score.py builds it:
releases whose gold header gives the document date (no dateline in the text) go into
corpus/releases/dated.jsonl with that date; the others become corpus/releases/ID.txt.

    python3 tools/corpus/export.py            # rewrite corpus/releases/
    python3 tools/corpus/export.py --check    # exit 1 if corpus/releases/ is out of date
"""
import argparse, glob, json, os, shutil, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score  # noqa: E402


def build():
    files = {}
    dated = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "gold", "*.txt"))):
        head = open(path, encoding="utf-8").read().split("\n")
        if "# source: seed" in head:
            continue  # the seed release itself is copied as it is, below
        d = score.parse_doc(path)
        if d["date"]:
            dated.append(json.dumps({"id": d["id"], "date": d["date"], "text": d["text"]}, ensure_ascii=False))
        else:
            files[d["id"] + ".txt"] = d["text"] + "\n"
    for seed in sorted(glob.glob(os.path.join(SHARED, "seed", "*.txt"))):
        files[os.path.basename(seed)] = open(seed, encoding="utf-8").read()
    if dated:
        files["dated.jsonl"] = "\n".join(dated) + "\n"
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    out = os.path.join(ROOT, "corpus", "releases")
    files = build()
    if a.check:
        have = {f: open(os.path.join(out, f), encoding="utf-8").read() for f in os.listdir(out)} if os.path.isdir(out) else {}
        if have != files:
            print("corpus/releases/ is out of date: run python3 tools/corpus/export.py", file=sys.stderr)
            sys.exit(1)
        return
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for name, text in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {len(files)} files to corpus/releases/")


if __name__ == "__main__":
    main()
