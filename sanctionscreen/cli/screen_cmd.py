"""``sanctionscreen screen`` (a supplier file in, a report out) and ``sanctionscreen decide``.

``screen`` exits 2 when a row could not be screened or the run failed; else 1
when a row fails the run by ``--fail-on`` (default ``review``: a match or a row
for review; ``match``: a match only; ``never``: no row), else 0. Only results go
to standard output; the progress counter, the run summary and the line saying
what the exit code means go to stderr (none of them under ``--quiet``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sanctionscreen.batch.audit import FAIL_ON
from sanctionscreen.cli import (
    add_list_option,
    add_quiet_option,
    add_threshold_options,
    lists_from_args,
    thresholds_from_args,
)
from sanctionscreen.errors import ConfigurationError

if TYPE_CHECKING:
    from sanctionscreen.batch.audit import RunSummary
    from sanctionscreen.screener import Screener

_FORMAT_BY_SUFFIX = {
    ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
}  # fmt: skip
_SHOWN_ROWS = 5  # unscreenable rows named on the exit line; the count is always exact


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``screen`` and ``decide`` sub-commands."""
    screen = subparsers.add_parser(
        "screen",
        help="screen every name of a supplier file (CSV, XLSX, JSON lines, text)",
        description="Screen every row of a supplier file and write CSV, JSON lines or HTML. "
        "Exit code 2: a row could not be screened, or an error; else 1: a row fails the "
        "run by --fail-on (default: a match or a row for review); else 0.",
    )
    screen.add_argument("input", metavar="INPUT", help="the file to screen, or '-' for stdin")
    screen.add_argument("--column", help="the name column: header or 1-based number")
    screen.add_argument("--country-column", help="a column of the suppliers' countries: ISO "
                        "alpha-2 codes or names such as 'North Korea' (a country that "
                        "cannot be read is not used, and each hit's explanation says so)")
    screen.add_argument("--address-column", help="an address column (carried to the report)")
    screen.add_argument(
        "--keep-column", action="append", metavar="COLUMN", dest="keep_columns",
        help="a column of the supplier's own (header or 1-based number) to show beside each "
        "row in every output and the report; repeatable. Default: the columns headed id, "
        "supplier_id, supplier id, vendor_id, city or town",
    )  # fmt: skip
    screen.add_argument(
        "--header", action=argparse.BooleanOptionalAction, default=None,
        help="CSV: the first row is (--header) or is not (--no-header) the header; "
        "default: the header only when a cell of it names a column",
    )
    screen.add_argument("--encoding", help="the input's text encoding (default: detected)")
    screen.add_argument("--sheet", help="XLSX: the sheet, by name or 1-based number")
    screen.add_argument(
        "--input-format", choices=("csv", "xlsx", "jsonl", "text"),
        help="the input format (default: from the file name, else from its content)",
    )  # fmt: skip
    screen.add_argument(
        "--format", choices=("csv", "jsonl", "html"),
        help="the output format (default: from --output's suffix, else csv)",
    )  # fmt: skip
    screen.add_argument(
        "--output", "-o", default="-",
        help="the output file, or '-' (default); without --format its suffix picks the "
        "format: .csv, .jsonl or .ndjson, .html or .htm (no suffix: csv)",
    )  # fmt: skip
    add_list_option(screen, pins=True)
    screen.add_argument("--decisions", metavar="FILE", help="a YAML file of analyst decisions")
    screen.add_argument("--workers", type=int, default=1, help="processes to screen with")
    screen.add_argument(
        "--fail-on", choices=FAIL_ON, default="review",
        help="which rows make the exit code 1: 'match' a match only; 'review' (default) a "
        "match or a row for review; 'never' no row. A row that could not be screened, "
        "or an error, gives 2 whatever this says",
    )  # fmt: skip
    add_quiet_option(screen, "no progress, no summary, no list warnings on stderr")
    add_threshold_options(screen)
    screen.set_defaults(func=run)

    decide = subparsers.add_parser(
        "decide",
        help="record an analyst decision on a hit of a JSON lines report",
        description="Append a false-positive or confirmed decision to a decisions file, "
        "pinned to the list hash and entity fingerprint the report shows.",
    )
    decide.add_argument("--report", required=True, help="the .jsonl report of the run reviewed")
    decide.add_argument("--row", required=True, type=int, help="the row number in the report")
    decide.add_argument("--entity", required=True, help="the id of the listed entity hit")
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--false-positive", action="store_true", help="not the listed entity")
    verdict.add_argument("--confirmed", action="store_true", help="the listed entity indeed")
    decide.add_argument("--by", required=True, help="who decided")
    decide.add_argument("--reason", required=True, help="why")
    decide.add_argument("--at", help="when (default: now, UTC)")
    decide.add_argument("--decisions", required=True, metavar="FILE", help="the file to add to")
    decide.set_defaults(func=run_decide)


def _screener(args: argparse.Namespace) -> Screener:
    from sanctionscreen.screener import Screener
    from sanctionscreen.settings import Settings

    settings = Settings().model_copy(update={"thresholds": thresholds_from_args(args)})
    return Screener(lists_from_args(args), settings=settings,
                    types=getattr(args, "types", None))


def run(args: argparse.Namespace) -> int:
    """Screen the file; the exit code says whether anything was flagged."""
    from sanctionscreen.batch.encoding import check_encoding
    from sanctionscreen.batch.output import target_of
    from sanctionscreen.batch.runner import screen_file

    fmt = args.format or _format_of(args.output)
    # What can be checked without the lists fails before they are loaded.
    if args.output != "-":
        target_of(args.output)
    if args.encoding is not None:
        check_encoding(args.encoding)
    screener = _screener(args)
    try:
        summary = screen_file(
            args.input, args.output, screener=screener, format=fmt,
            input_format=args.input_format, column=args.column,
            country_column=args.country_column, address_column=args.address_column,
            encoding=args.encoding, sheet=args.sheet, decisions=args.decisions,
            workers=args.workers, progress=False if args.quiet else None, header=args.header,
            keep_columns=args.keep_columns,
        )  # fmt: skip
    except KeyboardInterrupt as stop:
        partial = getattr(stop, "summary", None)
        if partial is not None:
            left = ("what standard output received is an incomplete report" if args.output == "-"
                    else "no report was written")
            print(f"interrupted after {partial.rows_read:,} rows: {left}; run again",
                  file=sys.stderr)
        raise
    code = summary.exit_code(fail_on=args.fail_on)
    if not args.quiet:
        print(summary.text(), file=sys.stderr)
        print(exit_line(summary, code, fail_on=args.fail_on), file=sys.stderr)
    return code


def _format_of(output: str) -> str:
    """The output format ``--output``'s suffix names; csv for standard output or no suffix."""
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if not suffix:
        return "csv"
    if suffix not in _FORMAT_BY_SUFFIX:
        raise ConfigurationError(
            f"the output suffix {suffix!r} names no report format",
            hint="end --output with " + ", ".join(_FORMAT_BY_SUFFIX)
            + ", or give --format csv, jsonl or html",
        )  # fmt: skip
    return _FORMAT_BY_SUFFIX[suffix]


def exit_line(summary: RunSummary, code: int, *, fail_on: str) -> str:
    """What the exit code of a run means, in one line, e.g.
    ``exit 2: 1 row could not be screened (row 23: the name is empty); ...``."""
    if code == 2:
        errors = summary.counts["error"]
        shown = "; ".join(f"row {row}: {why}" for row, why in summary.unscreened[:_SHOWN_ROWS])
        more = f"; {errors - _SHOWN_ROWS:,} more in the report" if errors > _SHOWN_ROWS else ""
        return f"exit 2: {_rows(errors)} could not be screened ({shown}{more}); " \
            "the other rows were screened and are in the report"
    if fail_on == "never":
        return f"exit {code}: every row was screened; --fail-on never: no row fails the run"
    matches, flagged = summary.counts["match"], summary.flagged
    if fail_on == "match":
        rows, what = matches, "matched"
        rest = f"; {flagged - matches:,} for review do not fail it (--fail-on match)"
    else:
        rows, what, rest = flagged, "matched or need review", ""
    if code == 1:
        return f"exit 1: {_rows(rows)} {what}{rest}"
    return f"exit 0: every row was screened and none {what}{rest}"


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count:,} rows"


def run_decide(args: argparse.Namespace) -> int:
    """Append the decision; print where it went."""
    from sanctionscreen.batch.decisions import append_decision
    from sanctionscreen.batch.review import decision_from_report

    entry = decision_from_report(
        args.report, row=args.row, entity_id=args.entity,
        decision="false_positive" if args.false_positive else "confirmed",
        by=args.by, reason=args.reason, at=args.at,
    )  # fmt: skip
    number = append_decision(args.decisions, entry)
    print(
        f"recorded {entry.decision} for {entry.name!r} / {entry.entity_id} "
        f"as entry {number} of {args.decisions}",
        file=sys.stderr,
    )
    return 0
