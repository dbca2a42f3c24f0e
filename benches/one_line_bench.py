#!/usr/bin/env python3
"""Many findings on one line: the human report must stay linear (issue 16).

Writes a CPOR claim whose second line is `documents = [{},{},...]` with N
empty documents (findings on one line of 3N bytes, counted from the JSON
report), then times `claimtool validate FILE` in the human and JSON formats, best of
--runs. Not a timed test: write the figures into docs/performance.md with
the machine they ran on. Usage:

  cargo build --release
  python3 benches/one_line_bench.py --documents 10000 --documents 50000
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BINARY = REPO / "target" / "release" / "claimtool"


def run(args, runs):
    """Best wall time of `runs` runs, and the largest peak memory (MiB)."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(map(str, args))}: exit code {done.returncode}")
        best = elapsed if best is None else min(best, elapsed)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return best, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, action="append")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not BINARY.exists():
        sys.exit(f"{BINARY} is missing: run `cargo build --release` first")
    counts = args.documents or [10_000, 50_000]
    print("| documents on one line | findings | file | human | json |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            path = Path(tmp) / f"many-{n}.toml"
            path.write_text('kind = "cpor"\ndocuments = [' + ",".join(["{}"] * n) + "]\n")
            size = path.stat().st_size
            report = subprocess.run(
                [BINARY, "--today", "2026-11-26", "validate", path, "--format", "json"],
                capture_output=True,
            )
            findings = len(json.loads(report.stdout)["files"][0]["diagnostics"])
            times = {}
            for fmt in ("human", "json"):
                command = [BINARY, "--today", "2026-11-26", "validate", path, "--format", fmt]
                times[fmt], _ = run(command, args.runs)
            print(
                f"| {n:,} | {findings:,} | {size / 1024:,.0f} KB "
                f"| {times['human']:.2f} s | {times['json']:.2f} s |"
            )


if __name__ == "__main__":
    main()
