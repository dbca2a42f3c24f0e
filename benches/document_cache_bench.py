#!/usr/bin/env python3
"""The document store is keyed by the file, not by the path as written
(issue 16, item 8). Not a timed test.

Generates one workspace holding a 50 MB PDF (`shared/big50.pdf`: the
signed SOW fixture padded with comment lines after its end) and N CPOR
claims naming it, laid out two ways:

  one folder:   flat/claim-00000.toml ... all naming `../shared/big50.pdf`
                (one path string for the whole run);
  N folders:    each/c00000/claim.toml ... each naming `../../shared/big50.pdf`
                from its own folder (N different spellings of one file).

and runs `claimtool validate <layout> --format json` on each, reporting
the best wall time, CPU time (user + system) and peak memory of --runs runs
(`/usr/bin/time -v`), with the load average before each layout. Both
layouts must be within 2x of each other. Usage:

  cargo build --release
  python3 benches/document_cache_bench.py --files 20000 --runs 3
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_bench import BINARY, CLAIM, REPO, tenant  # noqa: E402

SIZE = 50 * 1000 * 1000


def big_pdf(path: Path) -> None:
    sow = (REPO / "tests/fixtures/docs/signed-sow.pdf").read_bytes()
    line = b"% padding " + b"x" * 69 + b"\n"
    with path.open("wb") as f:
        f.write(sow)
        f.write(line * ((SIZE - len(sow)) // len(line)))


def claim(i: int, doc_path: str) -> str:
    text = CLAIM.format(
        i=i,
        role="use-or-consume",
        tenant=tenant(i + 1),
        email=f"contact{i}@customer{i}.com",
        doc=0,
        signature="digital",
        signed_on="signed_on = 2026-09-03\n",
    )
    return text.replace('path = "../docs/sow-0.pdf"', f'path = "{doc_path}"')


def generate(root: Path, n: int) -> None:
    (root / "claimtool.toml").write_text("")
    (root / "shared").mkdir()
    big_pdf(root / "shared/big50.pdf")
    (root / "flat").mkdir()
    for i in range(n):
        (root / "flat" / f"claim-{i:05}.toml").write_text(claim(i, "../shared/big50.pdf"))
        folder = root / "each" / f"c{i:05}"
        folder.mkdir(parents=True)
        (folder / "claim.toml").write_text(claim(i, "../../shared/big50.pdf"))


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system), peak RSS in MiB."""
    run = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    fields = {}
    for line in run.stderr.splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    h, m, s = (["0", "0"] + fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"))[-3:]
    wall = int(h) * 3600 + int(m) * 60 + float(s)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return wall, cpu, int(fields["Maximum resident set size (kbytes)"]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", default=str(BINARY))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.files)
        os.chdir(root)  # the workspace's claimtool.toml is found from here
        print(f"{args.files} claims, one 50 MB document; best of {args.runs}; {args.binary}")
        print("| layout | wall | CPU (user + sys) | peak memory | load average before |")
        print("|---|---:|---:|---:|---|")
        for name, folder in [("one folder, one path string", "flat"), (f"{args.files} folders", "each")]:
            load = Path("/proc/loadavg").read_text().split()[:3]
            cmd = [args.binary, "validate", folder, "--format", "json", "--today", "2026-11-26"]
            runs = [measure(cmd) for _ in range(args.runs)]
            wall = min(r[0] for r in runs)
            cpu = min(r[1] for r in runs)
            rss = max(r[2] for r in runs)
            print(f"| {name} | {wall:.2f} s | {cpu:.2f} s | {rss:.1f} MiB | {' '.join(load)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
