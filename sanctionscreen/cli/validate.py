"""``sanctionscreen validate PATH...``: check watchlist files and print every problem."""

from __future__ import annotations

import argparse
from typing import Any

from sanctionscreen.watchlist.loader import validate_file, yaml_files


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate", help="check watchlist YAML files and print every problem",
        description="Check watchlist YAML files (or folders of them). Exit code 0 when all are "
        "valid, 2 otherwise.")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for given in args.paths:
        for path in yaml_files(given):
            problems = validate_file(path)
            for problem in problems:
                print(problem)
            if problems:
                failed += 1
            else:
                print(f"{path}: ok")
    return 2 if failed else 0
