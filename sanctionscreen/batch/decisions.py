"""Analyst decisions: a YAML file of reviewed hits that later runs respect, with citations.

The file is a YAML list; each entry records, for a supplier name and a listed
entity, ``false_positive`` or ``confirmed``, who decided, when and why, and what
the listing looked like then (the list's content hash and the entity's
fingerprint). An entry applies only while every recorded hash still matches, so
a false positive comes back for review when the list or the entity changes.
An entry applies to the supplier as recorded: the same name (letter case, width
and spacing aside; ``Profinet GmbH`` is not ``PROFINET PTE. LTD.``), the same
country when one was recorded, and to the hit as it was: the same list, the same
listed name matched and a score no higher than the one reviewed. Anything else
comes back for review, with the entry cited and the reason it does not apply.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from sanctionscreen.batch.outcome import Citation, ScreenedRow
from sanctionscreen.batch.rows import InputRow
from sanctionscreen.errors import InputError
from sanctionscreen.results import DECISION_ORDER, Decision, Hit, ScreeningResult
from sanctionscreen.watchlist.yamlsafe import UnsafeYamlError, load_data

SCORE_SLACK = 0.0005  # scores are reported to three places

HEADER = """\
# sanctionscreen analyst decisions: one entry per reviewed hit (see docs/batch-screening.md).
# name, country: the supplier as screened (the name compared without regard to case
#   and spacing; a recorded country must match)
# entity_id, list, matched_name, score: the hit as reviewed; a hit on another listed
#   name, or scoring higher, comes back for review
# list_hash, entity_fingerprint: the listing as reviewed; when either changes, the hit
#   comes back for review. Delete list_hash to keep a decision across list updates
#   that leave this entity unchanged.
# decision: false_positive (shown as clear, with this entry cited) or confirmed (a match)
# by, at, reason: who decided, when, and why
"""


class DecisionEntry(BaseModel):
    """One recorded analyst decision."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str
    entity_id: str
    list: str | None = None
    country: str | None = None
    matched_name: str | None = None
    score: float | None = None
    list_hash: str | None = None
    entity_fingerprint: str | None = None
    decision: Literal["false_positive", "confirmed"]
    by: str
    at: str
    reason: str

    @field_validator("at", mode="before")
    @classmethod
    def _date_text(cls, value: object) -> object:
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        if isinstance(value, str):
            try:
                datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                raise ValueError(f"{value!r} is not a date; write it as 2024-05-02 or "
                                 "2024-05-02T14:30:00Z") from None
        return value

    @model_validator(mode="after")
    def _pinned(self) -> DecisionEntry:
        if not (self.list_hash or self.entity_fingerprint):
            raise ValueError("give list_hash or entity_fingerprint: the listing this decision saw")
        for key in ("name", "entity_id", "by", "reason"):
            if not getattr(self, key):
                raise ValueError(f"{key} must not be empty")
        return self


def name_key(name: str) -> str:
    """The key a supplier name is looked up by: the name without case, width or spacing.

    Not the normalised name: that sets legal forms aside, and a decision on
    ``Profinet GmbH`` must not clear ``PROFINET PTE. LTD.``.

    >>> name_key("  Profinet   GmbH ") == name_key("PROFINET GMBH")
    True
    """
    if not isinstance(name, str):
        raise InputError(f"a supplier name must be text, not {type(name).__name__}")
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _why_not(entry: DecisionEntry, row: InputRow, hit: Hit,
             list_hashes: Mapping[str, str]) -> str | None:
    """Why ``entry`` does not apply to ``hit`` on ``row``; None when it applies."""
    if entry.list and entry.list != hit.list:
        return f"recorded for list {entry.list!r}, the hit is on list {hit.list!r}"
    if entry.country and (row.country or "").strip().upper() != entry.country.upper():
        return f"recorded for country {entry.country}, the row gives {row.country or 'none'}"
    if entry.matched_name and name_key(entry.matched_name) != name_key(hit.matched_name):
        return (f"recorded on the listed name {entry.matched_name!r}, the hit is on "
                f"{hit.matched_name!r}")
    if entry.score is not None and hit.score > entry.score + SCORE_SLACK:
        return f"recorded at score {entry.score:.3f}, the hit scores {hit.score:.3f}"
    if entry.list_hash and entry.list_hash != list_hashes.get(hit.list):
        return "the list changed since"
    if entry.entity_fingerprint and entry.entity_fingerprint != entity_fingerprint(hit):
        return "the listing changed since"
    return None


def entity_fingerprint(hit: Hit) -> str:
    """``sha256:<hex>`` of the listing behind a hit: the entity's whole listing, every
    alias included, as the screener recorded it (``Hit.entity_fingerprint``); for a hit
    from a report made before that was recorded, what the hit shows of it (name, type,
    countries, risk, sources)."""
    if hit.entity_fingerprint:
        return hit.entity_fingerprint
    listing = {
        "entity_id": hit.entity_id,
        "list": hit.list,
        "entity_name": hit.entity_name,
        "entity_type": hit.entity_type,
        "countries": hit.countries,
        "risk": hit.risk.model_dump(mode="json"),
        "summary": hit.summary,
        "sources": hit.model_dump(mode="json", include={"sources"})["sources"],
    }
    blob = json.dumps(listing, sort_keys=True, ensure_ascii=False).encode()
    return "sha256:" + hashlib.sha256(blob).hexdigest()


@dataclass
class DecisionBook:
    """The decisions of one file, indexed by (name key, entity id); later entries win."""

    file: str = ""
    sha256: str = ""
    entries: list[DecisionEntry] = field(default_factory=list)
    _index: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for position, entry in enumerate(self.entries):
            self._index[(name_key(entry.name), entry.entity_id)] = position

    def find(self, name: str, entity_id: str) -> tuple[int, DecisionEntry] | None:
        """The latest entry for this name and entity, with its 0-based position."""
        position = self._index.get((name_key(name), entity_id))
        return None if position is None else (position, self.entries[position])

    def apply(
        self, row: InputRow, result: ScreeningResult, list_hashes: Mapping[str, str]
    ) -> ScreenedRow:
        """The row's outcome once recorded decisions are applied to its hits."""
        if result.decision == "error" or not self.entries or not result.hits:
            return ScreenedRow(
                input=row, decision=result.decision, result=result, error=result.error
            )
        citations: list[Citation] = []
        for hit in result.hits:
            found = self.find(result.query, hit.entity_id)
            if found is None:
                continue
            position, entry = found
            why = _why_not(entry, row, hit, list_hashes)
            citations.append(
                Citation(
                    decision=entry.decision,
                    entity_id=hit.entity_id,
                    list=hit.list,
                    by=entry.by,
                    at=entry.at,
                    reason=entry.reason,
                    file=self.file,
                    entry=position + 1,
                    applied=why is None,
                    why=why or "",
                )
            )
        if not any(c.applied for c in citations):
            return ScreenedRow(
                input=row, decision=result.decision, result=result, citations=tuple(citations)
            )
        verdicts = {c.entity_id: c.decision for c in citations if c.applied}
        decision: Decision = "clear"
        for hit in result.hits:
            verdict = verdicts.get(hit.entity_id)
            standing: Decision = "match" if verdict == "confirmed" else hit.decision
            if verdict != "false_positive" and DECISION_ORDER[standing] > DECISION_ORDER[decision]:
                decision = standing
        return ScreenedRow(input=row, decision=decision, result=result, citations=tuple(citations))


class _DuplicateKeyError(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key, self.line = key, line


class _DecisionsLoader(yaml.SafeLoader):
    """The safe loader, refusing a key given twice in one mapping (the last would win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise _DuplicateKeyError(key_node.value, key_node.start_mark.line + 1)
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def _entry_line(text: str, index: int) -> int | None:
    """The line the 0-based entry ``index`` starts on."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    if isinstance(root, yaml.SequenceNode) and index < len(root.value):
        return int(root.value[index].start_mark.line) + 1
    return None


def _problem(
    path: Path, message: str, *, line: int | None = None, hint: str | None = None
) -> InputError:
    return InputError(message, path=path, line=line, hint=hint)


def _as_path(value: object, what: str) -> Path:
    if not isinstance(value, (str, Path)) or not str(value).strip():
        raise InputError(f"the {what} must be a file path, not {value!r:.60}")
    return Path(value)


def load_decisions(path: str | Path) -> DecisionBook:
    """Read a decisions file; :class:`InputError` naming the entry if one is wrong."""
    path = _as_path(path, "decisions file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _problem(path, "no such decisions file", hint="check the path, or create it with "
                       "'sanctionscreen decide'") from None  # fmt: skip
    except (OSError, UnicodeError, ValueError) as error:
        raise _problem(path, f"cannot read the decisions file: {error}") from None
    try:
        text = raw.decode("utf-8-sig")
        data: Any = load_data(text, loader=_DecisionsLoader)
    except UnicodeDecodeError:
        raise _problem(path, "the decisions file is not UTF-8 text") from None
    except UnsafeYamlError as error:
        raise _problem(path, error.message, line=error.line) from None
    except _DuplicateKeyError as error:
        raise _problem(path, f"key {error.key!r} appears twice in one entry", line=error.line,
                       hint="keep one: otherwise the last would silently win") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise _problem(
            path, f"not valid YAML: {getattr(error, 'problem', error)}", line=line
        ) from None
    if data is None:
        data = []
    if not isinstance(data, list):
        raise _problem(path, "the decisions file must be a YAML list of entries ('- name: ...')")
    entries: list[DecisionEntry] = []
    for number, item in enumerate(data, start=1):
        try:
            entries.append(DecisionEntry.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "entry"
            message = str(first["msg"]).removeprefix("Value error, ")
            raise _problem(
                path, f"entry {number}: {where}: {message}", line=_entry_line(text, number - 1),
                hint="each entry needs name, entity_id, list_hash or entity_fingerprint, "
                "decision, by, at and reason",
            ) from None  # fmt: skip
    digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    return DecisionBook(file=path.name, sha256=digest, entries=entries)


def append_decision(path: str | Path, entry: DecisionEntry) -> int:
    """Add ``entry`` at the end of the decisions file (created if missing); its 1-based number.

    The file is locked while it is read and appended to, so concurrent ``decide``
    runs keep every entry and each reports the number its entry got.
    """
    path = Path(path)
    text = yaml.safe_dump(
        [entry.model_dump(exclude_none=True)], allow_unicode=True, sort_keys=False, width=100
    )
    try:
        handle = path.open("a+", encoding="utf-8")
    except OSError as error:
        raise _problem(path, f"cannot write the decisions file: {error.strerror}") from None
    with handle:
        _lock(handle)
        existing = load_decisions(path).entries if path.stat().st_size else []
        handle.seek(0)
        before = handle.read()
        if not before.strip():
            handle.write(HEADER)
        elif not before.endswith("\n"):
            handle.write("\n")
        handle.write(text)
    return len(existing) + 1


def _lock(handle: Any) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks; one decide at a time
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
