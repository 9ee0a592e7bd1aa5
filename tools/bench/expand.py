#!/usr/bin/env python3
"""Expand the bundled corpus into a large JSONL benchmark file.

Each output document is a release of the corpus whose body paragraphs are shuffled and mixed
with paragraphs of other releases (the headline and dateline stay first), with a fresh id and,
for half of the documents, a date field. The mix of lengths, layouts (wrapped, lists, contacts)
and styles stays that of the corpus. Deterministic for a given --seed.

    python3 tools/bench/expand.py --mb 110 -o /tmp/bench.jsonl
    python3 tools/bench/expand.py --mb 250 -o /tmp/bench250.jsonl --from my_dump.jsonl
"""
import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_releases(extra):
    docs = []
    rel = ROOT / "corpus" / "releases"
    for p in sorted(rel.glob("*.txt")):
        docs.append(p.read_text(encoding="utf-8"))
    dated = rel / "dated.jsonl"
    sources = [dated] + [Path(x) for x in extra]
    for src in sources:
        if src.exists():
            with open(src, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if line:
                        try:
                            docs.append(json.loads(line)["text"])
                        except (ValueError, KeyError, TypeError):
                            pass
    if not docs:
        sys.exit("no releases found under corpus/releases")
    return docs


def paragraphs(text):
    return [p for p in text.split("\n\n") if p.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=110, help="size to reach, in MB (10^6 bytes)")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--from", dest="extra", nargs="*", default=[],
                    help="extra JSONL dumps (objects with a text field) to mix in")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = [paragraphs(t) for t in load_releases(args.extra)]
    pool = [p for d in docs for p in d[2:]]
    target = int(args.mb * 1e6)
    written = 0
    n = 0
    with open(args.output, "w", encoding="utf-8") as out:
        while written < target:
            base = docs[n % len(docs)]
            head, body = base[:2], base[2:]
            body = body + rng.sample(pool, k=min(len(pool), rng.randint(0, 4)))
            rng.shuffle(body)
            rec = {"id": f"bench-{n:07d}", "text": "\n\n".join(head + body)}
            if n % 2:
                rec["date"] = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print(f"{args.output}: {n} documents, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
