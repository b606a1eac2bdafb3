"""``python -m sanctionscreen.spark``: screen a CSV or Parquet file with Spark.

Meant for ``spark-submit`` (``docs/spark.md``): reads the input (CSV with a header
row, every column as text; or Parquet), screens it with :func:`screen_dataframe`,
writes Parquet to ``--output`` and the run header beside it
(``<output>.audit.json``: library version, settings and hash, lists with versions,
hashes and entity counts, rows in and out, rows per decision, times). Errors print
as ``Error: message`` with exit code 2; a run that wrote every row exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sanctionscreen.batch.audit import now_utc
from sanctionscreen.errors import ConfigurationError, InputError, SanctionscreenError

if TYPE_CHECKING:
    from sanctionscreen.spark.plan import Plan

FORMAT_VERSION = 1


def build_parser() -> argparse.ArgumentParser:
    """The command's options."""
    parser = argparse.ArgumentParser(
        prog="python -m sanctionscreen.spark",
        description="Screen a CSV or Parquet file of names with Spark; write Parquet and "
                    "<output>.audit.json.")
    parser.add_argument("--input", required=True, help="a .csv (with a header row) or .parquet")
    parser.add_argument("--name-column", required=True)
    parser.add_argument("--country-column")
    parser.add_argument("--id-column", help="a column that names each row (kept, checked)")
    parser.add_argument("--list", action="append", dest="lists", metavar="PATH",
                        help="a list file or folder, or 'bundled' (repeatable; default: "
                             "the bundled lists)")
    parser.add_argument("--type", action="append", dest="types", metavar="T",
                        help="screen only entities of this type (repeatable)")
    parser.add_argument("--match-threshold", type=float)
    parser.add_argument("--review-threshold", type=float)
    parser.add_argument("--partitions", type=int, help="repartition the input first")
    parser.add_argument("--output", required=True, help="the Parquet folder to write")
    parser.add_argument("--audit", metavar="PATH",
                        help="where the run header goes (default: <output>.audit.json; "
                             "required when --output is not a local path)")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the exit code (0 done, 2 error)."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except SanctionscreenError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # Spark's own (Java, Py4J, analysis) errors
        print(f"Error: Spark failed: {spark_message(error)}", file=sys.stderr)
        return 2


def spark_message(error: BaseException) -> str:
    """The line of a Spark error worth printing: a sanctionscreen error raised on a
    worker (its message), else the error's first line."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    ours = [line for line in lines if line.startswith("sanctionscreen.errors.")]
    if ours:
        return ours[-1].split(": ", 1)[-1]
    return lines[0] if lines else repr(error)


def _run(args: argparse.Namespace) -> int:
    source, output = str(args.input), str(args.output)
    kind = source.rstrip("/").rsplit(".", 1)[-1].lower()
    if kind not in ("csv", "parquet"):
        raise InputError(f"cannot read {source!r}: the name must end in .csv or .parquet")
    if _local(source) and not Path(source).exists():
        raise InputError("the input does not exist", path=source)
    audit = _audit_path(output, args.audit)
    if not args.overwrite and (audit.exists() or (_local(output) and Path(output).exists())):
        raise ConfigurationError(f"{output!r} or its audit file already exists",
                                 hint="choose another --output, or give --overwrite")
    if args.partitions is not None and args.partitions < 1:
        raise ConfigurationError(f"--partitions must be at least 1, not {args.partitions}")
    thresholds = {key: value for key, value in (("match", args.match_threshold),
                                                ("review", args.review_threshold))
                  if value is not None} or None
    from sanctionscreen.spark.plan import make_plan

    plan = make_plan(args.lists, thresholds=thresholds, types=args.types)  # lists checked early
    started, clock = now_utc(), time.monotonic()
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise ConfigurationError(f"pyspark cannot be imported ({error})",
                                 hint="pip install 'sanctionscreen[spark]'") from None

    from sanctionscreen.spark.dataframe import screen_dataframe

    spark = SparkSession.builder.appName("sanctionscreen").getOrCreate()
    reader = spark.read
    frame = (reader.option("header", True).option("inferSchema", False).csv(source)
             if kind == "csv" else reader.parquet(source))
    if args.partitions is not None:
        frame = frame.repartition(args.partitions)
    screened = screen_dataframe(frame, name_col=args.name_column,
                                country_col=args.country_column, id_col=args.id_column,
                                lists=args.lists, thresholds=thresholds, types=args.types)
    if args.overwrite and audit.exists():
        audit.unlink()
    screened.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(output)
    rows_in = frame.count()
    counts = dict.fromkeys(("match", "review", "clear", "error"), 0)
    for row in spark.read.parquet(output).groupBy("decision").count().collect():
        counts[row["decision"]] = row["count"]
    rows_out = sum(counts.values())
    header = _header(plan, args, source, output, rows_in, rows_out, counts, started,
                     time.monotonic() - clock, spark)
    audit.write_text(json.dumps(header, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = ", ".join(f"{decision} {count}" for decision, count in counts.items())
    print(f"{rows_in} rows read, {rows_out} written to {output}: {summary}", file=sys.stderr)
    if rows_in != rows_out:
        shutil.move(str(audit), str(audit) + ".incomplete")
        raise SanctionscreenError(f"{rows_in} rows were read but {rows_out} written",
                                  hint="the output is incomplete; run again")
    return 0


def _local(path: str) -> bool:
    """Whether ``path`` is a local path (not ``hdfs://``, ``s3a://``, ``file:`` ...)."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path) is None


def _audit_path(output: str, given: str | None) -> Path:
    if given is not None:
        return Path(given)
    if not _local(output):
        raise ConfigurationError(f"--output {output!r} is not a local path, so the run "
                                 "header cannot go beside it", hint="give --audit PATH")
    path = Path(output)
    return path.with_name(path.name + ".audit.json")


def _header(plan: Plan, args: argparse.Namespace, source: str, output: str, rows_in: int,
            rows_out: int, counts: dict[str, int], started: str, seconds: float,
            spark: Any) -> dict[str, Any]:
    return {
        "record": "header", "format_version": FORMAT_VERSION, "library": "sanctionscreen",
        "library_version": plan.library_version,
        "settings": plan.settings, "settings_hash": plan.settings_hash,
        "lists": [info.model_dump(mode="json") for info in plan.infos],
        "input": {"path": str(Path(source).resolve()) if _local(source) else source,
                  "name_column": args.name_column,
                  "country_column": args.country_column, "id_column": args.id_column},
        "output": str(Path(output).resolve()) if _local(output) else output,
        "rows_in": rows_in, "rows_out": rows_out, "counts": counts,
        "spark": {"version": spark.version, "master": spark.sparkContext.master,
                  "application_id": spark.sparkContext.applicationId},
        "started_at": started, "ended_at": now_utc(), "duration_seconds": round(seconds, 3),
    }
