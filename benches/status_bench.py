#!/usr/bin/env python3
"""Whole-command benchmark for `claimtool status` (not a timed test).

Generates N CPOR claim files with validate_bench.py's generator (a third with
errors, ten shared PoE documents) and gives them clocks: a third wait in
Partner action required, a third are rejected (dispute window), the rest are
drafts. Then measures, best of --runs interleaved rounds, `claimtool validate DIR --format json`
and `claimtool status DIR --format F` for every format: wall time, CPU time
(user + system, from the kernel's accounting of the child: steadier than wall
time on a shared machine) and peak memory, from the workspace's root (as
validate_bench.py does). The load average is printed before and after: wall
times mean little when it is above the core count. Usage:

  cargo build --release
  python3 benches/status_bench.py --files 10000 --runs 9

Write the figures into docs/performance.md with the machine they ran on.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_bench import BINARY, generate, peak_rss_mib  # noqa: E402

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


def run_once(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def best_of_interleaved(runs: int, cmds: list[list[str]]) -> list[tuple[float, float]]:
    """Best wall and best CPU time of each command over `runs` rounds, each
    round running every command once, so a change of load hits them all."""
    best = [(float("inf"), float("inf"))] * len(cmds)
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            wall, cpu = run_once(cmd)
            best[i] = (min(best[i][0], wall), min(best[i][1], cpu))
    return best


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, action="append", help="claim count (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not BINARY.exists():
        print(f"build first: cargo build --release ({BINARY} is missing)", file=sys.stderr)
        return 2
    print(f"machine: {os.cpu_count()} cores; load average before: {loadavg()}")
    print("| files | command | wall, best of runs | / validate json | CPU, best of runs | / validate json | peak memory |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # claimtool finds the workspace's claimtool.toml from here
        for n in args.files or [10000]:
            claims = generate(Path(tmp), n)
            give_clocks(claims)
            base = [str(BINARY), "--today", TODAY]
            cmds = [("validate --format json", base + ["validate", str(claims), "--format", "json"])]
            cmds += [(f"status --format {f}", base + ["status", str(claims), "--format", f]) for f in FORMATS]
            best = best_of_interleaved(args.runs, [cmd for _, cmd in cmds])
            floor_wall, floor_cpu = best[0]
            rows = [(name, wall, cpu, peak_rss_mib(cmd)) for (name, cmd), (wall, cpu) in zip(cmds, best)]
            for name, wall, cpu, mib in rows:
                print(
                    f"| {n} | `{name}` | {wall:.3f} s | {wall / floor_wall:.2f}x "
                    f"| {cpu:.3f} s | {cpu / floor_cpu:.2f}x | {mib:.1f} MiB |"
                )
    print(f"load average after: {loadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
