"""Analyst decisions: a YAML file of reviewed hits that later runs respect, with citations.

The file is a YAML list; each entry records, for a supplier name and a listed
entity, ``false_positive`` or ``confirmed``, who decided, when and why, and what
the listing looked like then (the list's content hash and the entity's
fingerprint). An entry applies only while every recorded hash still matches, so
a false positive comes back for review when the list or the entity changes.
Names are compared on their normalised form (``sanctionscreen.text.normalize``).
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

HEADER = """\
# sanctionscreen analyst decisions: one entry per reviewed hit (see docs/batch-screening.md).
# name: the supplier name as screened (compared after normalisation)
# entity_id, list: the listed entity the hit was on
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
    """The key a supplier name is looked up by: its normalised words, else its folded text."""
    if not isinstance(name, str):
        raise InputError(f"a supplier name must be text, not {type(name).__name__}")
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    try:
        from sanctionscreen.text.normalize import normalise
    except ImportError:  # pragma: no cover - the normaliser ships with the package
        return folded
    try:
        words = normalise(name).normalised
    except Exception:  # a name the normaliser cannot handle still needs a key
        return folded
    return words or folded


def entity_fingerprint(hit: Hit) -> str:
    """``sha256:<hex>`` of the listing a hit reports: name, type, countries, risk, sources."""
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
            if found is None or (found[1].list and found[1].list != hit.list):
                continue
            position, entry = found
            applies = (not entry.list_hash or entry.list_hash == list_hashes.get(hit.list)) and (
                not entry.entity_fingerprint or entry.entity_fingerprint == entity_fingerprint(hit)
            )
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
                    applied=applies,
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
        data: Any = load_data(raw.decode("utf-8-sig"), loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        raise _problem(path, "the decisions file is not UTF-8 text") from None
    except UnsafeYamlError as error:
        raise _problem(path, error.message, line=error.line) from None
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
            raise _problem(
                path, f"entry {number}: {where}: {first['msg']}",
                hint="each entry needs name, entity_id, list_hash or entity_fingerprint, "
                "decision, by, at and reason",
            ) from None  # fmt: skip
    digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    return DecisionBook(file=path.name, sha256=digest, entries=entries)


def append_decision(path: str | Path, entry: DecisionEntry) -> int:
    """Add ``entry`` at the end of the decisions file (created if missing); its 1-based number."""
    path = Path(path)
    existing = load_decisions(path).entries if path.exists() else []
    text = yaml.safe_dump(
        [entry.model_dump(exclude_none=True)], allow_unicode=True, sort_keys=False, width=100
    )
    before = path.read_bytes() if path.exists() else b""
    with path.open("a", encoding="utf-8") as handle:
        if not before.strip():
            handle.write(HEADER)
        elif not before.endswith(b"\n"):
            handle.write("\n")
        handle.write(text)
    return len(existing) + 1
