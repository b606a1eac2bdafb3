"""``sanctionscreen check NAME``: screen one name and explain every hit."""

from __future__ import annotations

import argparse
from typing import Any

from sanctionscreen.cli import add_list_option, add_threshold_options, screener_from_args

EXIT_FLAGGED = 1


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check", help="screen one name and explain every hit",
        description="Screen one name. Exit code 0: clear; 1: match or review; 2: error.")
    parser.add_argument("name", help="the name to screen")
    parser.add_argument("--country", help="ISO 3166 alpha-2 code of the supplier's country")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_list_option(parser)
    add_threshold_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    screener = screener_from_args(args)
    result = screener.screen(args.name, country=args.country)
    if args.format == "json":
        print(result.model_dump_json(indent=2))
    else:
        print(result.text())
    if result.decision == "error":
        return 2
    return EXIT_FLAGGED if result.decision in ("match", "review") else 0
