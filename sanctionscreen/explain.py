"""Render results and explanations as plain text a reviewer can follow without the code.

Text from lists is printed as data, never as terminal commands: control characters
(an escape sequence that clears the screen or recolours it) and bidirectional
overrides that reorder what is shown are written as escapes (``\\x1b``) by
:func:`printable`.
"""

from __future__ import annotations

import re

from sanctionscreen.results import Explanation, Hit, NormalisedName, ScreeningResult
from sanctionscreen.watchlist.model import Risk, Source

_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` with control characters and bidi overrides escaped; line breaks kept.

    >>> printable("ACME\x1b[2J LTD")
    'ACME\\x1b[2J LTD'
    """
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def _name_lines(label: str, name: NormalisedName, kind: str | None = None) -> list[str]:
    what = f" ({kind} name)" if kind == "primary" else f" (alias, {kind})" if kind else ""
    lines = [f"{label} {name.original!r}{what} was compared as {name.normalised!r}"]
    lines += [f"    - {step.detail}" for step in name.steps if step.step != "case"]
    return lines


def render_explanation(explanation: Explanation) -> str:
    """Every fact of an explanation, one a line."""
    e = explanation
    lines = _name_lines("Query", e.query) + _name_lines("Listed", e.listed, e.listed_name_kind)
    if e.word_pairs:
        lines.append("  Words lined up:")
        for pair in e.word_pairs:
            lines.append(f"    - {pair.query_word!r} ~ {pair.listed_word!r}: similarity "
                         f"{pair.similarity:.2f}, weight {pair.weight:.2f} ({pair.how})")
    else:
        lines.append("  No words lined up.")
    for side, words in (("query", e.unmatched_query), ("listed name", e.unmatched_listed)):
        if words:
            listed = ", ".join(f"{w.word!r} ({w.kind}, weight {w.weight:.2f})" for w in words)
            lines.append(f"  Words of the {side} with no partner: {listed}")
    s = e.score
    lines.append(f"  Score: {s.matched_weight:.3f} / ({s.query_weight:.3f} + {s.listed_weight:.3f})"
                 f" = {s.base_score:.3f} ({s.formula})")
    for adjustment in s.adjustments:
        lines.append(f"  Adjusted {adjustment.before:.3f} -> {adjustment.after:.3f}: "
                     f"{adjustment.reason}")
    lines.append(f"  Decision: {e.decision}, because {e.threshold.decided_by}")
    return printable("\n".join(lines))


def _risk_line(risk: Risk) -> str:
    if risk.basis == "designated":
        parts = [", ".join(x for x in (d.authority, d.programme and f"programme {d.programme}",
                                      d.reference and f"entry {d.reference}", d.date) if x)
                 for d in risk.designations]
        return "Designated: " + "; ".join(parts)
    categories = ", ".join(c.replace("_", " ") for c in risk.categories) or "risk"
    return f"Reported ({categories})" + (f": {risk.note}" if risk.note else "")


def source_line(source: Source) -> str:
    """A source as a reader cites it: publisher, title and date first, then the file
    or the list entry.

    >>> source_line(Source(kind="article", title="N. Korea plans to minimize economic damage",
    ...                    publisher="Daily NK", date="2024-05-01", file="004.txt"))
    'Daily NK, N. Korea plans to minimize economic damage, 2024-05-01, file 004.txt'
    """
    parts = [source.publisher, source.title, source.date,
             source.file and f"file {source.file}",
             source.reference and f"entry {source.reference}"]
    return ", ".join(p for p in parts if p)


def also_line(other: Hit) -> str:
    """The same entity as another list names it: list, id, the name matched, score."""
    return (f"list {other.list}, id {other.entity_id}: {other.entity_name}, matched "
            f"{other.matched_name!r} ({other.matched_name_kind}), {other.decision} "
            f"{other.score:.3f}")


def render_hit(hit: Hit) -> str:
    """A hit: the listed entity, why it is listed, and the explanation."""
    lines = [f"{hit.decision.upper()} {hit.score:.3f}: {hit.entity_name} [{hit.entity_type}, "
             f"id {hit.entity_id}, list {hit.list}]",
             f"  Matched name: {hit.matched_name!r} ({hit.matched_name_kind})",
             f"  {_risk_line(hit.risk)}"]
    if hit.summary:
        lines.append(f"  Summary: {hit.summary}")
    lines += [f"  Source: {source_line(source)}" for source in hit.sources]
    lines += [f"  Also listed: {also_line(other)}" for other in hit.also_listed]
    lines.append(render_explanation(hit.explanation))
    return printable("\n".join(lines))


def render_result(result: ScreeningResult) -> str:
    """A screening result: the decision, then every hit."""
    if result.decision == "error":
        return printable(f"{result.query!r}: ERROR: {result.error}")
    head = f"{result.query!r}: {result.decision.upper()}"
    if not result.hits:
        return head + " (no listed name came near the review threshold)"
    return printable("\n\n".join([head, *(render_hit(hit) for hit in result.hits)]))
