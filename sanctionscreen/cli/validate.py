"""``sanctionscreen validate PATH...``: check watchlist files and print every problem."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sanctionscreen.watchlist.loader import Problem, check_file, yaml_files


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate", help="check watchlist YAML files and print every problem",
        description="Check watchlist YAML files (or folders of them). Exit code 0 when all are "
        "valid, 2 otherwise.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="watchlist YAML files, or folders of them")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    first_file: dict[str, Path] = {}  # list id -> the file that gave it first
    for given in args.paths:
        for path in yaml_files(given):
            watchlist, problems = check_file(path)
            if watchlist is not None and watchlist.id in first_file:
                problems = [Problem(str(path), None, f"list id {watchlist.id!r} is also the id "
                                    f"of {first_file[watchlist.id]}; each list needs its own id")]
            elif watchlist is not None:
                first_file[watchlist.id] = path
            for problem in problems:
                print(problem)
            if problems:
                failed += 1
            else:
                print(f"{path}: ok")
    return 2 if failed else 0
