"""YAML read without the two ways a small file can stop the program: aliases and nesting.

Watchlist and decision files never need anchors and aliases (``&a`` / ``*a``), and
nine levels of aliases repeating each other ("billion laughs") expand to billions of
nodes once the data is validated; so any anchor or alias is refused, with its line.
A file nested thousands of levels deep (``[[[[...``) overflows Python's recursion
while it is built; that is refused too, as an error instead of a traceback.
"""

from __future__ import annotations

import re

import yaml

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Where an anchor or alias could begin a node; text without any is not scanned.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\{,:?-])[&*][^\s,\[\]\{\}]", re.MULTILINE)


class UnsafeYamlError(Exception):
    """The YAML holds an anchor or alias, or nests too deeply; ``line`` is 1-based."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def check_no_aliases(text: str) -> None:
    """Raise :class:`UnsafeYamlError` at the first anchor or alias of ``text``.

    Syntax errors are left for the parser to report.
    """
    if not _MAYBE_ANCHOR.search(text):
        return
    loader = _FAST_LOADER(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                kind = "anchor" if isinstance(token, yaml.AnchorToken) else "alias"
                sign = "&" if kind == "anchor" else "*"
                raise UnsafeYamlError(
                    f"YAML {kind} '{sign}{token.value}' is not accepted: anchors and aliases "
                    "can make a small file expand without bound; write each value out",
                    token.start_mark.line + 1)
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def load_data(text: str, *, loader: type = _FAST_LOADER) -> object:
    """``yaml.load`` of ``text`` after :func:`check_no_aliases`; deep nesting refused.

    Raises :class:`UnsafeYamlError` or ``yaml.YAMLError``.
    """
    check_no_aliases(text)
    try:
        return yaml.load(text, Loader=loader)
    except RecursionError:
        raise UnsafeYamlError("the YAML is nested too deeply to read; a watchlist or "
                              "decisions file needs only a few levels") from None
