"""``sanctionscreen check NAME``: screen one name and explain every hit."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sanctionscreen.cli import (
    add_list_option,
    add_quiet_option,
    add_threshold_options,
    screener_from_args,
)
from sanctionscreen.cli.colour import coloured
from sanctionscreen.countries import given_country

EXIT_FLAGGED = 1


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check", help="screen one name and explain every hit",
        description="Screen one name. Exit code 0: clear; 1: match or review; 2: error.")
    parser.add_argument("name", help="the name to screen")
    parser.add_argument("--country", help="the supplier's country: an ISO 3166 alpha-2 code "
                        "such as KP, or a name such as 'North Korea'")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default): the decision and an explanation of every hit; "
                        "json: the full result")
    parser.add_argument("--why-not", action="store_true",
                        help="when the name is clear, explain the listed names that came "
                        "nearest, and which rules kept them below review")
    add_list_option(parser, pins=True)
    add_threshold_options(parser)
    add_quiet_option(parser, "no list warnings on stderr, only the result on stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    screener = screener_from_args(args)
    if args.country and given_country(args.country) is None and not args.quiet:
        print(f"warning: --country {args.country!r} is neither a country code nor a country "
              "name sanctionscreen knows; it is not used (give an ISO code such as KP)",
              file=sys.stderr)
    result = screener.screen(args.name, country=args.country)
    nearest = screener.why_not(args.name, country=args.country) \
        if args.why_not and result.decision == "clear" else []
    if args.format == "json":
        if args.why_not:
            print(json.dumps({"result": result.model_dump(mode="json"),
                              "nearest": [h.model_dump(mode="json") for h in nearest]},
                             indent=2, ensure_ascii=False))
        else:
            print(result.model_dump_json(indent=2))
    else:
        print(coloured(result.text(), sys.stdout))
        if args.why_not and result.decision == "clear":
            print()
            print("Nearest listed names, below the review threshold:" if nearest else
                  "No listed name comes near: no word of the name meets a listed word.")
            for hit in nearest:
                print()
                print(hit.text())
    if result.decision == "error":
        return 2
    return EXIT_FLAGGED if result.decision in ("match", "review") else 0
