#!/usr/bin/env python3
"""Whole-command benchmark for `claimtool validate` (not a timed test).

Generates N CPOR claim files (a third with errors) sharing a few real PoE
documents, then measures side by side, in one run:

  1. reading the files (`cat` of every file to /dev/null): the floor;
  2. `claimtool validate DIR --format json`;
  3. `check-jsonschema` (PyPI) validating the same claims, converted to
     JSON, against `claimtool schema cpor`: a schema-only check, which
     catches far less (no documents, dates, deadlines, cross-file rules).

Reports the best wall time of --runs runs for each, and claimtool's peak
memory. Usage:

  cargo build --release
  python3 -m pip install check-jsonschema   # optional: skipped when absent
  python3 benches/validate_bench.py --files 5000 --files 10000
  python3 benches/validate_bench.py --memory-only --files 10000 --files 100000 --root /tmp/claims-bench

Write the figures into docs/performance.md with the machine they ran on.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("CLAIMTOOL_BIN", REPO / "target" / "release" / "claimtool"))

# benches/claim_cost.rs fills in the same template: keep the two in step.
CLAIM = """#:schema ../cpor.schema.json
kind = "cpor"
claim_name = "Customer {i} - Microsoft 365 rollout"
partner_id = "4871236"
solution_area = "modern-work-security"
partner_role = "{role}"
customer_name = "Customer {i} Pty Ltd"
customer_tenant_id = "{tenant}"
workloads = ["Exchange Online", "Microsoft Teams"]
workloads_active = true
recognition_only = false

[customer_contact]
name = "Customer Contact {i}"
email = "{email}"
title = "IT Manager"

[partner_contact]
name = "Grace Hopper"
email = "grace.hopper@fabrikam.com.au"

[[documents]]
path = "../docs/sow-{doc}.pdf"
type = "statement-of-work"
date = 2026-09-01
signature = "{signature}"
{signed_on}workloads = ["Exchange Online", "Microsoft Teams"]

[status]
stage = "draft"
since = 2026-09-12
"""


def tenant(i: int) -> str:
    return f"{i:08x}-8b7d-4e6f-9a1b-{(i * 7919) % 16**12:012x}"


def generate(root: Path, n: int) -> Path:
    claims = root / f"claims-{n}"
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    # The workspace holding the claims and the shared documents: without
    # it, ../docs is outside each claim's folder (document-outside-workspace).
    (root / "claimtool.toml").write_text("")
    sow = (REPO / "tests/fixtures/docs/signed-sow.pdf").read_bytes()
    for d in range(10):  # ten distinct documents, shared across the claims
        (docs / f"sow-{d}.pdf").write_bytes(sow + f"\n% copy {d}\n".encode())
    claims.mkdir()
    for i in range(n):
        broken = i % 3 == 0  # a third with errors
        text = CLAIM.format(
            i=i,
            role="partner-activities" if broken and i % 2 else "use-or-consume",
            tenant="not-a-guid" if broken and not i % 2 else tenant(i + 1),
            email=f"contact{i}@customer{i}.com",
            doc=i % 10,
            signature="none" if broken else "digital",
            signed_on="" if broken else "signed_on = 2026-09-03\n",
        )
        (claims / f"claim-{i:05}.toml").write_text(text)
    return claims


def to_json(claims: Path, out: Path) -> list[str]:
    out.mkdir()
    files = []
    for path in sorted(claims.glob("*.toml")):
        doc = tomllib.loads(path.read_text())
        target = out / (path.stem + ".json")
        target.write_text(json.dumps(doc, default=str))
        files.append(str(target))
    return files


def best_of(runs: int, cmd: list[str], **kw) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        best = min(best, time.perf_counter() - start)
    return best


def peak_rss_mib(cmd: list[str]) -> float:
    """Peak resident memory of one run: `/usr/bin/time -v` when installed
    (apt-get install time), else getrusage in a fresh child interpreter."""
    if Path("/usr/bin/time").exists():
        run = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in run.stderr.splitlines():
            if "Maximum resident set size" in line:
                return int(line.rsplit(":", 1)[1]) / 1024
    probe = (
        "import resource,subprocess,sys;"
        "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    kib = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True)
    return int(kib.stdout.strip()) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, action="append", help="claim count (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path,
                        help="with --memory-only: generate the claims into this folder and keep them; folders already there are reused "
                             "(100,000 claims take minutes to write)")
    parser.add_argument("--memory-only", action="store_true",
                        help="only peak memory, every format, for each --files size side by side (no timings)")
    args = parser.parse_args()
    sizes = args.files or [1000, 5000, 10000]
    if not BINARY.exists():
        print(f"build first: cargo build --release ({BINARY} missing)", file=sys.stderr)
        return 2
    checker = shutil.which("check-jsonschema")
    if args.memory_only:
        return memory_table(sizes, args.root)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.chdir(root)  # claimtool finds the workspace's claimtool.toml from here
        schema = root / "cpor.schema.json"
        schema.write_text(subprocess.run([str(BINARY), "schema", "cpor"], capture_output=True, text=True, check=True).stdout)
        print(f"machine: {os.cpu_count()} cores; claimtool {BINARY}")
        print("| files | cat | claimtool validate --format json | claimtool / cat | check-jsonschema | check-jsonschema / claimtool | claimtool peak memory |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n in sizes:
            claims = generate(root, n)
            files = sorted(str(p) for p in claims.glob("*.toml"))
            cat = best_of(args.runs, ["sh", "-c", 'cat "$@" > /dev/null', "cat", *files])
            cmd = [str(BINARY), "validate", str(claims), "--format", "json", "--today", "2026-11-26"]
            ct = best_of(args.runs, cmd)
            mem = peak_rss_mib(cmd)
            if checker:
                jsons = to_json(claims, root / f"json-{n}")
                cj = best_of(max(1, args.runs // 2), [checker, "--schemafile", str(schema), *jsons])
                cj_text, ratio = f"{cj:.3f} s", f"{cj / ct:.1f}x"
            else:
                cj_text, ratio = "not installed", "-"
            print(f"| {n} | {cat:.3f} s | {ct:.3f} s | {ct / cat:.1f}x | {cj_text} | {ratio} | {mem:.1f} MiB |")
        # Every report format on the largest folder: the CI formats are
        # streamed like JSON; the human report keeps each file's text to
        # quote its lines.
        n = max(sizes)
        claims = root / f"claims-{n}"
        print()
        print(f"| format ({n} files) | claimtool validate | peak memory |")
        print("|---|---:|---:|")
        for fmt in FORMATS:
            cmd = [str(BINARY), "validate", str(claims), "--format", fmt, "--today", "2026-11-26"]
            print(f"| {fmt} | {best_of(args.runs, cmd):.3f} s | {peak_rss_mib(cmd):.1f} MiB |")
    return 0


FORMATS = ["human", "json", "sarif", "junit", "github", "azure"]


def memory_table(sizes: list[int], keep: Path | None) -> int:
    """Peak memory of `validate` in every format, one column per size, and
    the ratio of the largest to the smallest (flat memory: close to 1)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        os.chdir(root)  # claimtool finds the workspace's claimtool.toml from here
        folders = {n: root / f"claims-{n}" if (root / f"claims-{n}").exists() else generate(root, n) for n in sizes}
        print("| format | " + " | ".join(f"{n} files" for n in sizes) + f" | {max(sizes)} / {min(sizes)} |")
        print("|---|" + "---:|" * (len(sizes) + 1))
        for fmt in FORMATS:
            mem = {n: peak_rss_mib([str(BINARY), "validate", str(folders[n]), "--format", fmt, "--today", "2026-11-26"]) for n in sizes}
            cells = " | ".join(f"{mem[n]:.1f} MiB" for n in sizes)
            print(f"| {fmt} | {cells} | {mem[max(sizes)] / mem[min(sizes)]:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
