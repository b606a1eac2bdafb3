"""Spark against one machine: ``screen_dataframe`` in ``local[2]`` beside
``screen_many(workers=2)`` on the same names, in the same run (``docs/performance.md``).

Run from the project root, with the ``spark`` extra installed:
``.venv/bin/python benchmarks/spark.py [--rows N] [--quick]``. It imports the
installed package (only ``benchmarks/`` is put on the path, for the name generator).

- names: ``perf_queries.queries`` over the OFAC SDN 2024-05 and bundled names (one
  in five a perturbed listed name, the rest clean), written once to Parquet;
- one machine: ``Screener`` build, then ``screen_many(workers=2)``: names/s and
  CPU-seconds (this process and its reaped workers);
- Spark: session start, then a first tiny job (every Python worker builds its
  screener: the fixed start cost), then the full job (``groupBy(decision).count()``
  over every screened row): rows/s and CPU-seconds of the whole process tree (the
  JVM, its Python workers, this driver), and the Python workers' peak RSS. The
  decision counts of both must agree.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from perf_queries import queries

import sanctionscreen
from sanctionscreen import Screener, load_list
from sanctionscreen.native import COMPILED_IN_USE
from sanctionscreen.spark import screen_dataframe

ROOT = Path(__file__).resolve().parent.parent
OFAC = ROOT.parent / "shared" / "eval" / "lists" / "ofac-sdn-2024-05"
TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu(root: int) -> tuple[float, list[int]]:
    """CPU-seconds of ``root`` and every live descendant (with their reaped children),
    and the descendants' pids."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(f) for f in fields[11:15]) / TICK
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return sum(times.get(pid, 0.0) for pid in tree), tree[1:]


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mb(pids: list[int], command: str) -> list[float]:
    peaks = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if command.encode() in cmdline:
            line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
            peaks.append(round(int(line.split()[1]) / 1024, 1))
    return sorted(peaks)


def one_machine(lists: list[str], names: list[str]) -> dict[str, Any]:
    """Build, then ``screen_many(workers=2)``; names/s and CPU-seconds per name."""
    cpu, wall = _self_cpu(), time.perf_counter()
    screener = Screener(lists)
    build_s, build_cpu = time.perf_counter() - wall, _self_cpu() - cpu
    cpu, children, wall = _self_cpu(), _children_cpu(), time.perf_counter()
    counts = Counter(r.decision for r in screener.screen_many(names, workers=2))
    seconds = time.perf_counter() - wall
    used = _self_cpu() - cpu + _children_cpu() - children
    return {"build_s": round(build_s, 2), "build_cpu_s": round(build_cpu, 2),
            "screen_s": round(seconds, 2), "rows_per_s": round(len(names) / seconds, 1),
            "cpu_s": round(used, 2), "cpu_us_per_row": round(used / len(names) * 1e6, 1),
            "counts": dict(sorted(counts.items()))}


def on_spark(lists: list[str], data: Path, rows: int, partitions: int) -> dict[str, Any]:
    """Session start and first job (the fixed cost), then the full job."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    cpu, wall = _self_cpu(), time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("sanctionscreen-bench")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
             .config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    jvm = spark.sparkContext._gateway.proc.pid  # type: ignore[union-attr]
    frame = spark.read.parquet(str(data))
    tiny = screen_dataframe(frame.limit(200).repartition(2), name_col="name", lists=lists)
    tiny.groupBy("decision").count().collect()
    start_s = time.perf_counter() - wall
    start_cpu = _tree_cpu(jvm)[0] + _self_cpu() - cpu
    # The driver loads the lists to pin their hashes here, before the clock starts.
    screened = screen_dataframe(frame.repartition(partitions), name_col="name", lists=lists)
    before, wall = _tree_cpu(jvm)[0] + _self_cpu(), time.perf_counter()
    counts = {r["decision"]: r["count"] for r in screened.groupBy("decision").count().collect()}
    seconds = time.perf_counter() - wall
    after, pids = _tree_cpu(jvm)
    used = after + _self_cpu() - before
    figures = {"partitions": partitions, "start_s": round(start_s, 2),
               "start_cpu_s": round(start_cpu, 2), "screen_s": round(seconds, 2),
               "rows_per_s": round(rows / seconds, 1), "cpu_s": round(used, 2),
               "cpu_us_per_row": round(used / rows * 1e6, 1),
               "python_worker_peak_rss_mb": _peak_rss_mb(pids, "pyspark"),
               "counts": dict(sorted(counts.items()))}
    spark.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="2,000 rows, only to prove it runs")
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    rows = 2_000 if args.quick else args.rows
    lists = [str(OFAC), "bundled"]
    listed = [e.name for e in load_list(OFAC).entities]
    names = queries(listed, rows)
    import pyarrow as pa
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "names.parquet"
        pq.write_table(pa.table({"name": names}), data)
        local = one_machine(lists, names)
        spark = on_spark(lists, data, rows, args.partitions)
    report = {"rows": rows, "date": time.strftime("%Y-%m-%d"), "machine": {
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "platform": platform.platform()}, "sanctionscreen": sanctionscreen.__file__,
        "compiled_modules": COMPILED_IN_USE,
        "screen_many_workers_2": local, "spark_local_2": spark,
        "same_counts": local["counts"] == spark["counts"]}
    print(json.dumps(report, indent=2))
    if not report["same_counts"]:
        sys.exit("the decision counts differ between screen_many and Spark")


if __name__ == "__main__":
    main()
