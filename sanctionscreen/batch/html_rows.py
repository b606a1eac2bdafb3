"""Each output row as the data the HTML report's script renders: compact for clear rows.

A row is a JSON array ``[row, decision, score, name, country, note, hits, citations, kept]``
(``score`` null for rows without a hit; ``hits`` empty for clear rows; ``kept`` the
values of the kept input columns, in the order the report's data names them). A hit is an
object with the listed entity, its risk basis, the word alignment, unmatched words,
the rules that changed the score and the full text explanation; a hit of a row past
the report's detail limit keeps only the entity and score (``"brief": true``).
Every string passes through :func:`sanctionscreen.explain.printable` (control and
bidi characters escaped); :func:`script_json` makes the JSON safe inside ``<script>``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sanctionscreen.batch.outcome import ScreenedRow, hit_text
from sanctionscreen.batch.safety import printable as encodable
from sanctionscreen.batch.writers import row_note
from sanctionscreen.explain import also_line, printable, source_line
from sanctionscreen.results import Explanation, Hit
from sanctionscreen.watchlist.model import Risk, Source

_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def text(value: object) -> str:
    """``value`` as a string safe to show: control and bidi characters escaped."""
    return printable(encodable("" if value is None else str(value)))


def script_json(value: object) -> str:
    """``value`` as JSON that cannot end or open an element inside ``<script>``.

    >>> script_json(["</script><b>"])
    '["\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"]'
    """
    dumped = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return encodable(dumped).translate(_SCRIPT_SAFE)


def shown_hits(outcome: ScreenedRow) -> list[Hit]:
    """The hits a reviewer should see, best first: flagged ones and ones an analyst cleared."""
    if outcome.result is None or (outcome.decision == "clear" and not outcome.citations):
        return []
    hits = list(outcome.result.hits)
    shown = [h for h in hits if h.decision != "clear" or h.entity_id in outcome.cleared]
    return sorted(shown or hits[:1], key=lambda h: -h.score)


def _risk(risk: Risk) -> dict[str, Any]:
    return {
        "basis": risk.basis,
        "designations": [
            [text(d.authority), text(d.programme), text(d.reference), text(d.date)]
            for d in risk.designations
        ],
        "categories": [c.replace("_", " ") for c in risk.categories],
        "note": text(risk.note),
    }


def _source(source: Source) -> str:
    return text(source_line(source))


def _alignment(ex: Explanation) -> dict[str, Any]:
    unmatched = [*ex.unmatched_query, *ex.unmatched_listed]
    return {
        "pairs": [
            [text(p.query_word), text(p.listed_word), p.similarity, p.weight, text(p.how)]
            for p in ex.word_pairs
        ],
        "unmatched": [[u.side, text(u.word), text(u.kind), u.weight] for u in unmatched],
        "rules": [
            [text(a.rule), a.before, a.after, text(a.reason)] for a in ex.score.adjustments
        ],
        "decided_by": text(ex.threshold.decided_by),
    }


def hit_record(hit: Hit, *, cleared: bool = False, brief: bool = False) -> dict[str, Any]:
    """One hit as the report's script reads it."""
    ex = hit.explanation
    record: dict[str, Any] = {
        "id": text(hit.entity_id),
        "name": text(hit.entity_name),
        "type": text(hit.entity_type),
        "list": text(hit.list),
        "matched": text(hit.matched_name),
        "kind": text(hit.matched_name_kind),
        "score": hit.score,
        "decision": hit.decision,
        "thresholds": [ex.threshold.review, ex.threshold.match],
        "countries": [text(c) for c in hit.countries],
        "cleared": cleared,
        "also": [text(also_line(o)) for o in hit.also_listed],
    }
    if brief:
        record["brief"] = True
        return record
    record["risk"] = _risk(hit.risk)
    record["summary"] = text(hit.summary)
    record["sources"] = [_source(s) for s in hit.sources]
    record.update(_alignment(ex))
    record["text"] = text(hit_text(hit))
    return record


def row_record(
    outcome: ScreenedRow, *, brief: bool = False, kept: Sequence[str] | None = None
) -> list[Any]:
    """One output row as the report's script reads it (``brief``: hits without explanations).

    ``kept`` names the kept columns whose values the row carries, "" where the row
    has none; None gives the row's own kept values in its order.
    """
    cleared = outcome.cleared
    hits = [
        hit_record(h, cleared=h.entity_id in cleared, brief=brief) for h in shown_hits(outcome)
    ]
    return [
        outcome.input.row,
        outcome.decision,
        outcome.score,
        text(outcome.input.name),
        text(outcome.input.country),
        text(row_note(outcome)),
        hits,
        [text(c.text()) for c in outcome.citations if c.applied],
        _kept_values(outcome, kept),
    ]


def _kept_values(outcome: ScreenedRow, names: Sequence[str] | None) -> list[str]:
    if names is None:
        return [text(value) for _, value in outcome.input.kept]
    values = dict(outcome.input.kept)
    return [text(values.get(name, "")) for name in names]
