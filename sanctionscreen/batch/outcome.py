"""What one input row became: the screening result, the decision, and any analyst decision cited.

The writers turn a :class:`ScreenedRow` into a CSV row, a JSON record or an
HTML table row; ``summary_line`` is the one-line explanation the CSV carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanctionscreen.batch.rows import InputRow
from sanctionscreen.results import Decision, Hit, ScreeningResult


@dataclass(frozen=True)
class Citation:
    """An analyst decision from the decisions file that changed or confirmed a hit."""

    decision: str  # "false_positive" or "confirmed"
    entity_id: str
    list: str
    by: str
    at: str
    reason: str
    file: str
    entry: int  # 1-based position in the decisions file
    applied: bool = True  # False: the hit is back for review, ``why`` says what differs
    why: str = "the listing changed since"

    def text(self) -> str:
        """The citation in plain words."""
        what = "false positive" if self.decision == "false_positive" else "confirmed match"
        said = (
            f"{what} for {self.entity_id} ({self.list}) recorded by {self.by} on {self.at}: "
            f"{self.reason} [{self.file} entry {self.entry}]"
        )
        if self.applied:
            return said
        return f"DOES NOT APPLY ({self.why}; review again): " + said

    def as_dict(self) -> dict[str, str | int]:
        """The citation as JSON-ready data."""
        return {
            "decision": self.decision,
            "entity_id": self.entity_id,
            "list": self.list,
            "by": self.by,
            "at": self.at,
            "reason": self.reason,
            "file": self.file,
            "entry": self.entry,
            "applied": self.applied,
            **({} if self.applied else {"why": self.why}),
        }


@dataclass(frozen=True)
class ScreenedRow:
    """An input row, its screening result (if it was screened) and the decision that stands."""

    input: InputRow
    decision: Decision
    result: ScreeningResult | None = None
    error: str | None = None
    citations: tuple[Citation, ...] = ()

    @property
    def cleared(self) -> frozenset[str]:
        """Entity ids whose hit an analyst recorded as a false positive."""
        return frozenset(
            c.entity_id for c in self.citations if c.applied and c.decision == "false_positive"
        )

    @property
    def best(self) -> Hit | None:
        """The best hit still standing, else the best hit an analyst cleared."""
        if self.result is None or not self.result.hits:
            return None
        for hit in self.result.hits:
            if hit.entity_id not in self.cleared:
                return hit
        return self.result.hits[0]

    @property
    def score(self) -> float | None:
        """The best hit's score."""
        best = self.best
        return None if best is None else best.score


def summary_line(hit: Hit) -> str:
    """One line saying which listed name the hit is on and which threshold decided.

    The full explanation is in the JSON lines and HTML reports.
    """
    rule = hit.explanation.threshold.decided_by
    also = "".join(f"; also listed on {o.list} as {o.entity_id}" for o in hit.also_listed)
    return (
        f"{hit.explanation.query.original!r} ~ {hit.matched_name!r} "
        f"({hit.matched_name_kind} name of {hit.entity_name!r}, list {hit.list}): {rule}{also}"
    )


def hit_text(hit: Hit) -> str:
    """The hit's explanation as a reviewer reads it, one fact a line."""
    try:
        return hit.text()
    except ImportError:  # the explanation renderer is not installed: say the facts plainly
        pass
    ex = hit.explanation
    lines = [
        f"{hit.entity_name} [{hit.entity_id}] on list {hit.list}: {hit.decision}, "
        f"score {hit.score:.3f}",
        f"matched the {hit.matched_name_kind} name {hit.matched_name!r}",
        f"query words: {' '.join(ex.query.words)}; listed words: {' '.join(ex.listed.words)}",
    ]
    lines += [
        f"  {p.query_word!r} ~ {p.listed_word!r}: {p.how}, similarity {p.similarity:.2f}"
        for p in ex.word_pairs
    ]
    lines += [f"  unmatched {u.side} word {u.word!r} ({u.kind})" for u in ex.unmatched_query]
    lines += [f"  unmatched {u.side} word {u.word!r} ({u.kind})" for u in ex.unmatched_listed]
    lines += [
        f"  {a.rule}: {a.before:.3f} -> {a.after:.3f}, {a.reason}" for a in ex.score.adjustments
    ]
    lines.append(ex.threshold.decided_by)
    return "\n".join(lines)
