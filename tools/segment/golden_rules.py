#!/usr/bin/env python3
"""Score presstag's sentence segmenter on the 48 English "Golden Rules" of pragmatic_segmenter.

The cases are not kept in this repository: the script downloads a pinned source distribution of
pysbd (MIT licence, a Python port of pragmatic_segmenter) from PyPI into a cache folder, checks its
sha256, and reads the list GOLDEN_EN_RULES from its benchmarks/english_golden_rules.py with `ast`
(pysbd is never installed or imported). Each case's text goes on stdin to `presstag segment`;
the printed lines (one sentence a line) are compared with the expected sentences after collapsing
runs of whitespace to one space and stripping both ends (presstag prints a sentence's internal
line breaks as spaces).

    python3 tools/segment/golden_rules.py                      # uses target/release/presstag
    python3 tools/segment/golden_rules.py --bin PATH --min 40  # exit 1 if fewer than 40 pass
    python3 tools/segment/golden_rules.py --failures           # print only the failing cases

Exit codes: 0 done (whatever the score, unless --min is given), 1 fewer than --min cases pass,
2 setup error (download, checksum, unreadable archive, binary missing or failing).
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# pysbd 0.3.4 exists on PyPI as a wheel only; 0.3.3 is the newest with a source distribution.
PYSBD_VERSION = "0.3.3"
PYSBD_SDIST = f"pysbd-{PYSBD_VERSION}.tar.gz"
PYSBD_SHA256 = "56ab48a28a8470f0042a4cb7c9da8a6dde8621ecf87a86d75f201cbf1837e77f"
RULES_MEMBER = f"pysbd-{PYSBD_VERSION}/benchmarks/english_golden_rules.py"
RULES_NAME = "GOLDEN_EN_RULES"
EXPECTED_CASES = 48


class SetupError(Exception):
    pass


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "presstag"


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_sdist(cache: Path) -> Path:
    """Return the path of the verified pysbd sdist, downloading it with pip if needed."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / PYSBD_SDIST
    if path.exists() and sha256_of(path) == PYSBD_SHA256:
        return path
    if path.exists():
        path.unlink()  # stale or corrupt: fetch it again
    cmd = [sys.executable, "-m", "pip", "download", f"pysbd=={PYSBD_VERSION}",
           "--no-deps", "--no-binary", ":all:", "-d", str(cache)]
    print(f"downloading {PYSBD_SDIST}: {' '.join(cmd)}", file=sys.stderr)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0 or not path.exists():
        raise SetupError(f"pip download failed (exit {r.returncode}):\n{r.stdout.strip()}")
    got = sha256_of(path)
    if got != PYSBD_SHA256:
        raise SetupError(f"{path}: sha256 {got}, expected {PYSBD_SHA256}")
    return path


def load_rules(sdist: Path) -> list[tuple[int, str, str, list[str]]]:
    """Parse GOLDEN_EN_RULES out of the sdist: [(number, title, text, expected sentences)]."""
    try:
        with tarfile.open(sdist, "r:gz") as tar:
            f = tar.extractfile(RULES_MEMBER)
            if f is None:
                raise SetupError(f"{sdist}: {RULES_MEMBER} is not a file")
            source = f.read().decode("utf-8")
    except (tarfile.TarError, KeyError, OSError) as e:
        raise SetupError(f"{sdist}: cannot read {RULES_MEMBER}: {e}") from e
    return parse_rules(source)


TITLE_RE = re.compile(r"^\s*#\s*(\d+)\)\s*(.*?)\s*$")


def parse_rules(source: str) -> list[tuple[int, str, str, list[str]]]:
    tree = ast.parse(source)
    value = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == RULES_NAME for t in node.targets
        ):
            value = node.value
    if not isinstance(value, (ast.List, ast.Tuple)):
        raise SetupError(f"no list {RULES_NAME} in {RULES_MEMBER}")
    lines = source.splitlines()
    rules = []
    prev_end = value.lineno  # comments between the previous element and this one
    for i, elt in enumerate(value.elts, 1):
        try:
            text, expected = ast.literal_eval(elt)
        except (ValueError, TypeError) as e:
            raise SetupError(f"{RULES_NAME}[{i - 1}] is not a (text, [sentences]) literal") from e
        if not isinstance(text, str) or not all(isinstance(s, str) for s in expected):
            raise SetupError(f"{RULES_NAME}[{i - 1}] is not a (text, [sentences]) literal")
        title = ""
        for line in lines[prev_end - 1 : elt.lineno - 1]:
            m = TITLE_RE.match(line)
            if m and int(m.group(1)) == i:
                title = m.group(2)
        prev_end = elt.end_lineno
        rules.append((i, title, text, list(expected)))
    if len(rules) != EXPECTED_CASES:
        raise SetupError(f"{RULES_NAME} has {len(rules)} cases, expected {EXPECTED_CASES}")
    return rules


def norm(s: str) -> str:
    return " ".join(s.split())


def segment(binary: Path, text: str) -> list[str]:
    try:
        r = subprocess.run([str(binary), "segment", "--input", "text"], input=text,
                           capture_output=True, encoding="utf-8", timeout=60)
    except OSError as e:
        raise SetupError(f"cannot run {binary}: {e}") from e
    if r.returncode != 0:
        raise SetupError(f"{binary} segment exited {r.returncode}: {r.stderr.strip()}")
    return [n for n in (norm(line) for line in r.stdout.split("\n")) if n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", type=Path, default=ROOT / "target" / "release" / "presstag",
                    help="presstag binary (default: target/release/presstag)")
    ap.add_argument("--cache", type=Path, default=default_cache(),
                    help="where the pysbd sdist is kept (default: ~/.cache/presstag)")
    ap.add_argument("--min", type=int, metavar="N",
                    help="exit 1 if fewer than N cases pass")
    ap.add_argument("--failures", action="store_true", help="print only the failing cases")
    args = ap.parse_args(argv)

    try:
        if not args.bin.is_file():
            raise SetupError(f"{args.bin}: no such binary (build with cargo build --release)")
        rules = load_rules(fetch_sdist(args.cache))
        passed = 0
        for num, title, text, expected in rules:
            got = segment(args.bin, text)
            want = [norm(s) for s in expected]
            ok = got == want
            passed += ok
            if ok and args.failures:
                continue
            print(f"{'PASS' if ok else 'FAIL'} {num:2d}) {title}")
            if not ok:
                print(f"    text:     {text!r}")
                for label, sents in (("expected", want), ("got", got)):
                    print(f"    {label}: {len(sents)}")
                    for s in sents:
                        print(f"      | {s}")
    except SetupError as e:
        print(f"golden_rules: {e}", file=sys.stderr)
        return 2
    print(f"golden rules: {passed}/{len(rules)} pass")
    if args.min is not None and passed < args.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
