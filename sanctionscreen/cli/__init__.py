"""The ``sanctionscreen`` command line: one module per sub-command.

Each command module has ``register(subparsers)`` that adds its parser and sets
``func`` to a ``run(args) -> int`` function. Errors of the library print as
``Error: message`` on stderr with exit code 2 (a user has no use for the class
name; the message says where and how to fix it); exit code 1 means "ran fine,
but something was flagged" only where a command says so. Under ``--quiet`` the
list warnings (the ``sanctionscreen`` loggers) are silent; errors still print.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sanctionscreen.errors import ConfigurationError, SanctionscreenError

if TYPE_CHECKING:
    from sanctionscreen.screener import Screener
    from sanctionscreen.settings import Thresholds
    from sanctionscreen.watchlist.model import Watchlist

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
    _COMMAND_PARSERS.clear()
    _COMMAND_PARSERS.update(subparsers.choices)
    return parser


_COMMAND_PARSERS: dict[str, argparse.ArgumentParser] = {}  # each command's own parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # a typo in a command's option: that command's usage, not the top one's
        command = _COMMAND_PARSERS.get(getattr(args, "command", ""), parser)
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        with _silenced(getattr(args, "quiet", False)):
            code: int = args.func(args)
    except SanctionscreenError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


@contextlib.contextmanager
def _silenced(quiet: bool) -> Iterator[None]:
    """Under ``--quiet``, the library's warnings (a list's orphan aliases, say) are not shown."""
    logger = logging.getLogger("sanctionscreen")
    level = logger.level
    if quiet:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def add_quiet_option(parser: argparse.ArgumentParser, text: str) -> None:
    """The shared ``--quiet`` option; ``text`` says what it silences. Errors still print."""
    parser.add_argument("--quiet", "-q", action="store_true", help=text + "; errors still print")


def add_list_option(parser: argparse.ArgumentParser, *, pins: bool = False) -> None:
    """The shared ``--list`` and ``--type`` options; with ``pins``, ``--expect-hash`` and
    ``--min-entities`` too, for commands that read the lists with :func:`lists_from_args`."""
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
    if not pins:
        return
    parser.add_argument(
        "--expect-hash",
        dest="expect_hashes",
        action="append",
        metavar="HASH",
        help="the content or source hash ('sanctionscreen lists' shows both) a list in use "
        "must have; may be repeated; any other list, or a hash no list has, is an error "
        "before screening starts",
    )
    parser.add_argument(
        "--min-entities",
        type=_positive_int,
        metavar="N",
        help="each list read from a path must hold at least N entities, else an error "
        "before screening starts",
    )


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


def lists_from_args(args: argparse.Namespace) -> list[Watchlist]:
    """The watchlists ``--list`` names, checked against ``--expect-hash`` and ``--min-entities``."""
    from sanctionscreen.importers.pinning import check_pins
    from sanctionscreen.importers.resolve import resolve_lists

    watchlists = resolve_lists(getattr(args, "lists", None))
    check_pins(watchlists, expect_hashes=getattr(args, "expect_hashes", None) or (),
               min_entities=getattr(args, "min_entities", None))
    return watchlists


def add_threshold_options(parser: argparse.ArgumentParser) -> None:
    """The shared ``--match-threshold`` and ``--review-threshold`` options."""
    parser.add_argument("--match-threshold", type=float, metavar="X",
                        help="score at or above which a name is a match (default 0.82)")
    parser.add_argument("--review-threshold", type=float, metavar="Y",
                        help="score at or above which a name needs review (default 0.70)")


def thresholds_from_args(args: argparse.Namespace) -> Thresholds:
    """The thresholds ``--match-threshold`` and ``--review-threshold`` give, over the defaults."""
    from sanctionscreen.settings import Thresholds

    given = {}
    if getattr(args, "match_threshold", None) is not None:
        given["match"] = args.match_threshold
    if getattr(args, "review_threshold", None) is not None:
        given["review"] = args.review_threshold
    try:
        return Thresholds(**given)
    except ConfigurationError as error:
        raise ConfigurationError(error.message, hint="check --match-threshold and "
                                 "--review-threshold") from None


def screener_from_args(args: argparse.Namespace) -> Screener:
    """A Screener for the ``--list`` and threshold options of a command."""
    from sanctionscreen.screener import Screener

    thresholds = thresholds_from_args(args)
    return Screener(lists_from_args(args), thresholds=thresholds,
                    types=getattr(args, "types", None))
