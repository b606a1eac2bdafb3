"""Two installs of sanctionscreen screening the same names, runs alternated: speed and results.

For a change that must not slow screening down (or change its results), compare the
install before it with the install after it, each in its own environment::

    python benchmarks/side_by_side.py /path/to/before/venv/bin/python .venv/bin/python \
        --names 60000 --workers 2 --rounds 3

Each round runs the first interpreter, then the second, each in a fresh process:
``screen_many`` over ``perf_queries.queries`` (OFAC SDN 2024-05's names, fixed seed)
against OFAC SDN 2024-05 and the bundled list. Each run prints names/s, the processor
time a name of the parent and of its workers, and the SHA-256 of every result's
``model_dump_json`` (with ``--no-dump`` results are not kept, for big runs). Machines
that vary from run to run need several rounds: compare medians, not one pair.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OFAC = HERE.parent.parent / "shared" / "eval" / "lists" / "ofac-sdn-2024-05"


def _one_run(names: int, workers: int, dump: bool) -> None:
    """Screen in this process (with the sanctionscreen this interpreter has); print one line."""
    sys.path.insert(0, str(HERE))
    from perf_queries import queries

    import sanctionscreen
    from sanctionscreen.screener import Screener

    screener = Screener(lists=[str(OFAC), "bundled"])
    listed = [n.name for n in screener._built.names if n.list_index == 0]
    batch = queries(listed, names)
    screener.screen("warm up")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    digest = hashlib.sha256()
    for result in screener.screen_many(batch, workers=workers):
        if dump:
            digest.update(result.model_dump_json().encode() + b"\n")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    print(f"{names / wall:,.0f} names/s, CPU a name {cpu / names * 1e6:.0f} us (parent) + "
          f"{worker_cpu / names * 1e6:.0f} us (workers), results "
          f"{digest.hexdigest()[:16] if dump else 'not kept'} "
          f"({Path(sanctionscreen.__file__).parent})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pythons", nargs="*", help="two interpreters, each with its install")
    parser.add_argument("--names", type=int, default=20_000, help="names a run (20,000)")
    parser.add_argument("--workers", type=int, default=1, help="screen_many workers (1)")
    parser.add_argument("--rounds", type=int, default=3, help="alternated rounds (3)")
    parser.add_argument("--no-dump", action="store_true", help="do not hash the results")
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_run:
        _one_run(args.names, args.workers, not args.no_dump)
        return 0
    if len(args.pythons) != 2:
        parser.error("give two interpreters: the install before and the install after")
    if not OFAC.is_dir():
        parser.error(f"{OFAC} is not there: the benchmark reads OFAC SDN 2024-05 from it")
    for round_number in range(1, args.rounds + 1):
        for label, python in zip(("before", "after"), args.pythons, strict=True):
            command = [python, str(Path(__file__).resolve()), "--one-run",
                       "--names", str(args.names), "--workers", str(args.workers)]
            if args.no_dump:
                command.append("--no-dump")
            # From outside the checkout, so each interpreter imports its own install.
            line = subprocess.run(command, cwd="/", check=True, capture_output=True,
                                  text=True).stdout.strip().splitlines()[-1]
            print(f"round {round_number} {label}: {line}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
