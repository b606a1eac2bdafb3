"""Read watchlist YAML files into :class:`Watchlist` models, with errors that point at lines.

The YAML is parsed twice from the same text: once into plain data with
``yaml.safe_load``, and once into a node tree that remembers line numbers, so a
validation error on ``entities[3].name`` can say ``file.yaml:42``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sanctionscreen.errors import WatchlistError
from sanctionscreen.watchlist.model import Watchlist
from sanctionscreen.watchlist.yamlsafe import UnsafeYamlError, load_data

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a watchlist file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class WatchlistValidationError(WatchlistError):
    """A watchlist file has one or more problems; ``.problems`` lists them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        first = self.problems[0]
        more = f" (and {len(self.problems) - 1} more problems)" if len(self.problems) > 1 else ""
        super().__init__(first.message + more, path=first.path, line=first.line)


def load_watchlist(path: str | Path) -> Watchlist:
    """Read one watchlist YAML file; raise :class:`WatchlistError` naming file and line."""
    path = Path(path)
    text = _read_text(path)
    watchlist, problems = _parse(text, str(path))
    if problems or watchlist is None:
        raise WatchlistValidationError(problems)
    return watchlist.model_copy(update={"source": watchlist.source or str(path)})


def validate_file(path: str | Path) -> list[Problem]:
    """Every problem in one watchlist file (an empty list when it is valid)."""
    return check_file(path)[1]


def check_file(path: str | Path) -> tuple[Watchlist | None, list[Problem]]:
    """The watchlist in one file when it is valid, and every problem in it."""
    path = Path(path)
    try:
        text = _read_text(path)
    except WatchlistError as error:
        return None, [Problem(str(path), error.line, error.message)]
    return _parse(text, str(path))


def yaml_files(path: str | Path) -> list[Path]:
    """The YAML files a path names: itself, or those in a folder (sorted, not recursive)."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir()
                      if p.suffix.lower() in YAML_SUFFIXES and p.is_file())
    return [path]


def _read_text(path: Path) -> str:
    if path.is_dir():
        raise WatchlistError("is a folder, not a watchlist file", path=path,
                             hint="name a .yaml file, or pass the folder where folders are "
                             "accepted (--list, validate)")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WatchlistError("file not found", path=path, hint="check the path") from None
    except OSError as error:
        raise WatchlistError(f"cannot read file: {error.strerror}", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WatchlistError(
            f"bytes {data[error.start:error.start + 4]!r} are not UTF-8",
            path=path,
            line=line,
            hint="save the file as UTF-8",
        ) from None


class _DuplicateKeyError(Exception):
    pass


class _StrictFastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's C parser where available, refusing duplicate keys while it builds data."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            raise _DuplicateKeyError
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _parse(text: str, where: str) -> tuple[Watchlist | None, list[Problem]]:
    """Parse and validate; the slower line-numbered tree is built only to report problems."""
    try:
        data = load_data(text, loader=_StrictFastLoader)
    except UnsafeYamlError as error:
        return None, [Problem(where, error.line, error.message)]
    except (yaml.YAMLError, _DuplicateKeyError):
        data = None
    if isinstance(data, dict):
        try:
            watchlist = Watchlist.model_validate(data)
        except ValidationError:
            pass
        else:
            if not _dangling_relations_fast(watchlist, where):
                return watchlist, []
    return _parse_with_lines(text, where, data if isinstance(data, dict) else None)


def _dangling_relations_fast(watchlist: Watchlist, where: str) -> list[Problem]:
    ids = {entity.id for entity in watchlist.entities}
    return [Problem(where, None, "dangling") for entity in watchlist.entities
            for relation in entity.related if relation.entity not in ids]


def _parse_with_lines(text: str, where: str, data: dict[str, Any] | None = None,
                      ) -> tuple[Watchlist | None, list[Problem]]:
    """Every problem of ``text`` with its line; ``data``: what the fast parse read, when
    it read a mapping (then only the line-numbered tree is built here)."""
    # A file the fast parse read: libyaml's C parser builds the line-numbered tree (the
    # pure-Python one took minutes and gigabytes on a 50 MB list with one bad entity).
    # A file it could not read (a syntax error, a duplicate key): the pure-Python parser,
    # whose messages say more.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if data is not None \
        else yaml.SafeLoader
    try:
        root = yaml.compose(text, Loader=loader)
        if data is None:
            data = yaml.load(text, Loader=loader)
    except RecursionError:
        return None, [Problem(where, None, "the YAML is nested too deeply to read")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        return None, [Problem(where, line, f"YAML syntax error: {problem}")]
    if not isinstance(data, dict) or root is None:
        return None, [Problem(where, 1, "a watchlist file must be a mapping with 'id', 'title' "
                                        "and 'entities'")]
    duplicate_ids = list(_duplicate_ids(root, where))
    problems = list(_duplicate_keys(root, where)) + duplicate_ids
    try:
        watchlist: Watchlist | None = Watchlist.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            problem = _problem_from_pydantic(item, root, data, where)
            if not (duplicate_ids and "is used twice" in problem.message):
                problems.append(problem)
        watchlist = None
    if watchlist is not None:
        problems += _dangling_relations(watchlist, root, where)
    problems.sort(key=lambda p: p.line or 0)
    return (watchlist if not problems else None), _dedupe(problems)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    return [p for p in problems if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]


def _problem_from_pydantic(
    item: Any, root: yaml.Node, data: dict[str, Any], where: str
) -> Problem:
    loc = tuple(item["loc"])
    line, label = _locate(root, data, loc)
    field = str(loc[-1]) if loc and isinstance(loc[-1], str) else None
    kind = item["type"]
    if kind == "missing":
        message = f"'{field}' is required"
    elif kind == "extra_forbidden":
        message = f"unknown field '{field}'; see docs/watchlist-format.md for the fields allowed"
    elif kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        message = f"'{field}' is {item.get('input')!r}; expected one of {expected}"
    else:
        text = str(item["msg"]).removeprefix("Value error, ")
        message = f"'{field}': {text}" if field else text
    return Problem(where, line, f"{label}: {message}" if label else message)


def _locate(root: yaml.Node, data: Any, loc: tuple[Any, ...]) -> tuple[int | None, str]:
    """Line of the deepest node on ``loc``, and a label naming the entity it is in."""
    node: yaml.Node | None = root
    line = root.start_mark.line + 1
    label = ""
    value = data
    for depth, key in enumerate(loc):
        child = _child(node, key) if node is not None else None
        if child is None:
            break
        node = child
        line = child.start_mark.line + 1
        value = value[key] if isinstance(value, (dict, list)) else None
        if depth == 1 and loc[0] == "entities" and isinstance(value, dict):
            label = f"entity {value.get('id', f'#{key + 1}')!r}"
    return line, label


def _child(node: yaml.Node, key: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]  # type: ignore[no-any-return]
    return None


def _walk(node: yaml.Node) -> Iterator[yaml.Node]:
    yield node
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _walk(key_node)
            yield from _walk(value_node)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _walk(child)


def _duplicate_keys(root: yaml.Node, where: str) -> Iterator[Problem]:
    for node in _walk(root):
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, _ in node.value:
                if key_node.value in seen:
                    yield Problem(where, key_node.start_mark.line + 1,
                                  f"key '{key_node.value}' appears twice in the same mapping; "
                                  "keep one")
                seen.add(key_node.value)


def _duplicate_ids(root: yaml.Node, where: str) -> Iterator[Problem]:
    entities = _child(root, "entities")
    if not isinstance(entities, yaml.SequenceNode):
        return
    first_line: dict[str, int] = {}
    for entity in entities.value:
        id_node = _child(entity, "id")
        if not isinstance(id_node, yaml.ScalarNode):
            continue
        line = id_node.start_mark.line + 1
        if id_node.value in first_line:
            yield Problem(where, line, f"entity id '{id_node.value}' is already used at line "
                                       f"{first_line[id_node.value]}; ids must be unique")
        else:
            first_line[id_node.value] = line


def _dangling_relations(watchlist: Watchlist, root: yaml.Node, where: str) -> list[Problem]:
    ids = {entity.id for entity in watchlist.entities}
    problems = []
    for number, entity in enumerate(watchlist.entities):
        for index, relation in enumerate(entity.related):
            if relation.entity not in ids:
                line, _ = _locate(root, None, ("entities", number, "related", index))
                problems.append(Problem(where, line, f"entity {entity.id!r}: related entity "
                                        f"{relation.entity!r} is not in this list; fix the id "
                                        "or add that entity"))
    return problems
