"""The ``sanctionscreen`` command line: one module per sub-command.

Each command module has ``register(subparsers)`` that adds its parser and sets
``func`` to a ``run(args) -> int`` function. Errors of the library print as
``ErrorType: message`` on stderr with exit code 2; exit code 1 means "ran fine,
but something was flagged" only where a command says so.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sanctionscreen.errors import ConfigurationError, SanctionscreenError

if TYPE_CHECKING:
    from sanctionscreen.screener import Screener

# Sub-command modules, in the order `--help` lists them.
COMMANDS = (
    "sanctionscreen.cli.check",
    "sanctionscreen.cli.screen_cmd",
    "sanctionscreen.cli.lists_cmd",
    "sanctionscreen.cli.validate",
    "sanctionscreen.cli.evaluate",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    from sanctionscreen import __version__

    parser = argparse.ArgumentParser(
        prog="sanctionscreen",
        description="Screen names against sanctions and forced-labour watchlists, "
        "with an explanation for every hit.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except SanctionscreenError as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


def add_list_option(parser: argparse.ArgumentParser) -> None:
    """The shared ``--list`` option: paths, or the word ``bundled``."""
    parser.add_argument(
        "--list",
        dest="lists",
        action="append",
        metavar="PATH",
        help="a watchlist file or folder (YAML, or an official list file); may be repeated; "
        "'bundled' names the bundled lists; default: the bundled lists",
    )
    parser.add_argument(
        "--type",
        dest="types",
        action="append",
        metavar="TYPE",
        help="screen only against entities of this type (company, organization, "
        "government_body, person, vessel, aircraft, site); may be repeated; default: all",
    )


def add_threshold_options(parser: argparse.ArgumentParser) -> None:
    """The shared ``--match-threshold`` and ``--review-threshold`` options."""
    parser.add_argument("--match-threshold", type=float, metavar="X",
                        help="score at or above which a name is a match (default 0.82)")
    parser.add_argument("--review-threshold", type=float, metavar="Y",
                        help="score at or above which a name needs review (default 0.70)")


def screener_from_args(args: argparse.Namespace) -> Screener:
    """A Screener for the ``--list`` and threshold options of a command."""
    from sanctionscreen.screener import Screener
    from sanctionscreen.settings import Thresholds

    given = {}
    if getattr(args, "match_threshold", None) is not None:
        given["match"] = args.match_threshold
    if getattr(args, "review_threshold", None) is not None:
        given["review"] = args.review_threshold
    try:
        thresholds = Thresholds(**given)
    except ValueError as error:
        raise ConfigurationError(str(error).splitlines()[-1].strip(),
                                 hint="check --match-threshold and --review-threshold") from None
    return Screener(args.lists or ["bundled"], thresholds=thresholds,
                    types=getattr(args, "types", None))
