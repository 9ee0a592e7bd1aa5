#!/bin/sh
# Whole-process benchmark: MB/s of JSONL input end to end (read, segment, tag, resolve,
# events, serialize, write) on 1 and 2 threads, peak RSS, the segmenter alone, and the time to
# process one small document from process start.
#
#   tools/bench/run.sh [FILE.jsonl]      (default: builds /tmp/presstag-bench.jsonl, 110 MB)
set -eu
cd "$(dirname "$0")/../.."
BIN=target/release/presstag
FILE=${1:-/tmp/presstag-bench.jsonl}
[ -x "$BIN" ] || cargo build --release --locked
[ -f "$FILE" ] || python3 tools/bench/expand.py --mb 110 -o "$FILE"
BYTES=$(wc -c < "$FILE")
echo "input: $FILE, $BYTES bytes; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
measure() { # label, command...
    label=$1; shift
    /usr/bin/time -f "%e %M" -o /tmp/presstag-bench.time "$@" > /dev/null
    read -r secs rss < /tmp/presstag-bench.time
    echo "$label: $secs s, $(echo "$BYTES $secs" | awk '{printf "%.1f", $1 / $2 / 1e6}') MB/s, peak RSS $((rss / 1024)) MB"
}
measure "extract -j1" "$BIN" --input jsonl -j 1 --no-progress "$FILE"
measure "extract -j2" "$BIN" --input jsonl -j 2 --no-progress "$FILE"
# The segmenter alone is fast enough for this VM's noise to matter: the median of 7 runs.
for _ in 1 2 3 4 5 6 7; do
    /usr/bin/time -f "%e %M" -o /tmp/presstag-bench.time "$BIN" segment --input jsonl --no-progress -j 1 "$FILE" > /dev/null
    cat /tmp/presstag-bench.time
done | sort -n | awk -v bytes="$BYTES" '{ t[NR] = $1; rss = $2 } END {
    printf "segment    -j1: median of 7 %.2f s, %.1f MB/s (best %.1f MB/s), peak RSS %d MB\n",
        t[4], bytes / t[4] / 1e6, bytes / t[1] / 1e6, rss / 1024 }'
printf 'GENEVA, 3 May 2023 - UNICEF met the Minister of Health of Kenya today.\n' > /tmp/presstag-one.txt
best=999
for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e" -o /tmp/presstag-bench.time "$BIN" /tmp/presstag-one.txt > /dev/null
    t=$(cat /tmp/presstag-bench.time)
    best=$(echo "$best $t" | awk '{print ($2 < $1) ? $2 : $1}')
done
echo "one small document from process start: best of 5 ${best} s"
