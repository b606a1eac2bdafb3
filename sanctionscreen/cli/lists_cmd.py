"""``sanctionscreen import``, ``lists`` and ``fetch``: official lists on the command line.

``import PATH --output list.yaml`` converts an OFAC, UN, UK or OpenSanctions file to
a watchlist YAML file (source, file date and hash recorded) and prints what it
skipped; ``lists`` shows what each list holds; ``fetch`` downloads current files.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from sanctionscreen.cli import add_list_option, lists_from_args
from sanctionscreen.errors import InputError
from sanctionscreen.importers.common import ImportWarning
from sanctionscreen.importers.detect import FORMATS
from sanctionscreen.importers.fetch import SOURCES, fetch
from sanctionscreen.importers.load import import_list, summarise
from sanctionscreen.importers.resolve import resolve_lists
from sanctionscreen.watchlist.model import Watchlist

SHOWN_PER_KIND = 5  # warnings printed per kind unless --all-warnings


def register(subparsers: Any) -> None:
    """Add the ``import``, ``lists`` and ``fetch`` sub-commands."""
    parser = subparsers.add_parser(
        "import", help="convert an official list (OFAC, UN, UK, OpenSanctions) to watchlist YAML",
        description="Read an official list file or folder and write it as a watchlist YAML "
        "file. Warnings (aliases without an entry, unknown countries) go to stderr; exit code "
        "0 when the file was written, 2 on an error.")
    parser.add_argument("path", metavar="PATH", help="the list file, or OFAC's CSV folder")
    parser.add_argument("--format", choices=FORMATS, help="the list format (default: detected)")
    parser.add_argument("--output", "-o", required=True, metavar="FILE",
                        help="the watchlist YAML file to write")
    parser.add_argument("--all-warnings", action="store_true",
                        help=f"print every warning, not the first {SHOWN_PER_KIND} of each kind")
    parser.set_defaults(func=run)

    parser = subparsers.add_parser(
        "lists", help="show the watchlists in use: id, version, entities, names, hashes",
        description="Show each watchlist: id, title, version and file date, number of "
        "entities and names, source and content hash.")
    add_list_option(parser, pins=True)
    parser.add_argument("--stats", action="store_true",
                        help="also build the screener and show its index: size, build time, "
                        "peak memory, and whether the score bound and word lookups run in C")
    parser.set_defaults(func=run)

    parser = subparsers.add_parser(
        "fetch", help="download the current official list files from their publishers",
        description="Download the current list files from the publisher's documented URL "
        "into a folder (needs network access).")
    parser.add_argument("publisher", choices=sorted(SOURCES), help="whose list to download")
    parser.add_argument("--output", "-o", required=True, metavar="DIR",
                        help="the folder to write into (created if missing)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run whichever of the three sub-commands was given."""
    if args.command == "import":
        return _import(args)
    if args.command == "lists":
        return _lists(args)
    return _fetch(args)


def _import(args: argparse.Namespace) -> int:
    result = import_list(args.path, format=args.format)
    _print_warnings(result.warnings, everything=args.all_warnings)
    watchlist = result.watchlist
    output = Path(args.output)
    write_yaml(watchlist, output)
    print(f"{args.path}: {len(watchlist.entities)} entities, {_name_count(watchlist)} names "
          f"-> {output}")
    return 0


def write_yaml(watchlist: Watchlist, output: Path) -> None:
    """Write ``watchlist`` as YAML that :func:`load_watchlist` reads back unchanged."""
    data = watchlist.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    header = (
        f"# Watchlist imported by 'sanctionscreen import' from {watchlist.source}\n"
        f"# source date: {watchlist.source_date or 'not stated in the file'}; "
        f"source hash: {watchlist.source_hash}\n"
        "# Edit the source list and import again rather than editing this file.\n"
    )
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(header + text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror}", path=output) from None


def _print_warnings(warnings: list[ImportWarning], *, everything: bool) -> None:
    if not warnings:
        return
    by_code: dict[str, list[ImportWarning]] = defaultdict(list)
    for warning in warnings:
        by_code[warning.code].append(warning)
    print(f"{len(warnings)} warnings: {summarise(warnings)}", file=sys.stderr)
    for code, items in by_code.items():
        shown = items if everything else items[:SHOWN_PER_KIND]
        for warning in shown:
            print(f"warning [{code}] {warning}", file=sys.stderr)
        if len(items) > len(shown):
            print(f"  ... and {len(items) - len(shown)} more {code} warnings "
                  "(--all-warnings shows them)", file=sys.stderr)


def _lists(args: argparse.Namespace) -> int:
    from sanctionscreen.explain import printable

    for watchlist in lists_from_args(args):
        print(printable(f"{watchlist.id}: {watchlist.title}"))
        print(f"  version: {watchlist.version or '-'}  source date: "
              f"{watchlist.source_date or '-'}  entities: {len(watchlist.entities)}  "
              f"names: {_name_count(watchlist)}")
        print(printable(f"  source: {watchlist.source or '-'}"))
        if watchlist.source_hash:
            print(f"  source hash: {watchlist.source_hash}")
        print(f"  content hash: {watchlist.content_hash}")
    if getattr(args, "stats", False):
        _index_stats(args)
    return 0


def _index_stats(args: argparse.Namespace) -> None:
    import resource
    import time

    from sanctionscreen.screener import Screener

    started = time.perf_counter()
    screener = Screener(resolve_lists(args.lists))
    seconds = time.perf_counter() - started
    facts = screener.stats()
    stats = facts.index
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"index: {stats.names:,} names, {stats.words:,} distinct words, {stats.keys:,} keys, "
          f"{stats.runs:,} joined-word runs, {stats.postings:,} postings"
          f"{' (lean mode)' if stats.lean else ''}")
    print(f"  built in {seconds:.2f} s (lists already loaded); peak memory of this process "
          f"{peak_mb:,.0f} MB")
    print("  score bound: " + ("in C" if facts.bound_in_c else
                               "Python (the C module was not built or is turned off)"))
    print("  word lookups: " + ("in C" if facts.index_in_c else
                                "Python (the C index was not built or is turned off)"))
    print("  screening code: " + ("compiled (mypyc)" if facts.compiled_modules else
                                  "Python source (not compiled, turned off, or edited since)"))


def _fetch(args: argparse.Namespace) -> int:
    for path in fetch(args.publisher, args.output):
        print(path)
    return 0


def _name_count(watchlist: Watchlist) -> int:
    return sum(1 + len(entity.aliases) for entity in watchlist.entities)
