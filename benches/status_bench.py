#!/usr/bin/env python3
"""Whole-command benchmark for `claimtool status` (not a timed test).

Generates N CPOR claim files with validate_bench.py's generator (a third with
errors, ten shared PoE documents) and gives them clocks: a third wait in
Partner action required, a third are rejected (dispute window), the rest are
drafts. Then measures, best of --runs, `claimtool validate DIR --format json`
and `claimtool status DIR --format F` for every format, with each run's peak
memory. Usage:

  cargo build --release
  python3 benches/status_bench.py --files 10000 --runs 9

Write the figures into docs/performance.md with the machine they ran on.
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_bench import BINARY, best_of, generate, peak_rss_mib  # noqa: E402

TODAY = "2026-11-26"
FORMATS = ["human", "json", "csv", "ics", "html"]


def give_clocks(claims: Path) -> None:
    for i, path in enumerate(sorted(claims.glob("*.toml"))):
        text = path.read_text()
        if i % 3 == 1:
            text = text.replace('stage = "draft"\nsince = 2026-09-12', f'stage = "partner-action-required"\nsince = 2026-11-{1 + i % 25:02}')
        elif i % 3 == 2:
            text = text.replace('stage = "draft"\nsince = 2026-09-12', f'stage = "rejected"\nsince = 2026-10-{1 + i % 28:02}')
        path.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, action="append", help="claim count (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not BINARY.exists():
        print(f"build first: cargo build --release ({BINARY} is missing)", file=sys.stderr)
        return 2
    print("| files | command | best of runs | / validate json | peak memory |")
    print("|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.files or [10000]:
            claims = generate(Path(tmp), n)
            give_clocks(claims)
            base = [str(BINARY), "--today", TODAY]
            validate = base + ["validate", str(claims), "--format", "json"]
            floor = best_of(args.runs, validate)
            rows = [("validate --format json", floor, peak_rss_mib(validate))]
            for f in FORMATS:
                cmd = base + ["status", str(claims), "--format", f]
                rows.append((f"status --format {f}", best_of(args.runs, cmd), peak_rss_mib(cmd)))
            for name, secs, mib in rows:
                print(f"| {n} | `{name}` | {secs:.3f} s | {secs / floor:.2f}x | {mib:.1f} MiB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
