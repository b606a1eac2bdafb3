"""Fixtures for batch screening tests: a small stand-in screener and hand-built results.

``StubScreener`` flags names containing a listed word, so reader, writer and
decision tests do not depend on the matching engine's scores; end-to-end tests
use the real :class:`sanctionscreen.Screener` on the bundled list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sanctionscreen.results import (
    Explanation,
    Hit,
    ListInfo,
    NormalisedName,
    ScoreDetail,
    ScreeningResult,
    ThresholdRule,
)
from sanctionscreen.settings import Settings
from sanctionscreen.watchlist.model import Designation, Risk

# A supplier file whose names try to run script in a report: every report must show
# them as text.
HOSTILE_SUPPLIERS = (
    "id,name,country\n"
    "1,Korea Heungjin Trading,KP\n"
    "2,<script>alert(1)</script> Heungjin,CN\n"
    '3,"<img src=x onerror=""document.title=\'pwned\'"">",CN\n'
    "4,Samsung Electronics,KR\n"
    "5,,KR\n"
    "6,Dalian Tianbao Logistics,CN\n"
    '7,"Acme ""onerror=document.title=1 x=""",DE\n'
)

LIST = ListInfo(
    id="test-list",
    title="Test list",
    version="2024-05-01",
    content_hash="sha256:" + "ab" * 32,
    entities=2,
    names=4,
)

LISTED = {
    "heungjin": ("korea-heungjin", "Korea Heungjin Trading Company"),
    "조선신흥무역회사": ("korea-heungjin", "Korea Heungjin Trading Company"),
    "tianbao": ("dalian-tianbao", "Dalian Tianbao International Logistics"),
    "大连天宝国际物流有限公司": ("dalian-tianbao", "Dalian Tianbao International Logistics"),
}


def make_hit(
    query: str, entity_id: str, entity_name: str, score: float, *, summary: str = ""
) -> Hit:
    """A hit as the screener would build it, with a minimal explanation."""
    decision = "match" if score >= 0.85 else "review" if score >= 0.7 else "clear"
    rule = (
        f"score {score:.3f} >= match threshold 0.850"
        if decision == "match"
        else (
            f"score {score:.3f} >= review threshold 0.700 and < match threshold 0.850"
            if decision == "review"
            else f"score {score:.3f} < review threshold 0.700"
        )
    )
    explanation = Explanation(
        query=NormalisedName(original=query, normalised=query.lower(), words=query.lower().split()),
        listed=NormalisedName(
            original=entity_name, normalised=entity_name.lower(), words=entity_name.lower().split()
        ),
        score=ScoreDetail(
            formula="matched / max(query, listed)",
            matched_weight=1.0,
            query_weight=1.0,
            listed_weight=1.0,
            base_score=score,
            score=score,
        ),
        decision=decision,
        threshold=ThresholdRule(match=0.85, review=0.7, decided_by=rule),
    )
    return Hit(
        entity_id=entity_id,
        list=LIST.id,
        entity_name=entity_name,
        entity_type="company",
        matched_name=entity_name,
        matched_name_kind="primary",
        score=score,
        decision=decision,
        risk=Risk(
            basis="designated",
            designations=[Designation(authority="US Treasury OFAC", programme="DPRK")],
        ),
        summary=summary or None,
        countries=["KP"],
        explanation=explanation,
    )


class StubScreener:
    """Flags a name containing a word of ``LISTED``; ``score`` sets the hit's score."""

    def __init__(self, *, score: float = 0.91, summary: str = "") -> None:
        self.settings = Settings()
        self.lists_info = [LIST]
        self.score = score
        self.summary = summary
        self.calls = 0

    def screen_one(self, name: str) -> ScreeningResult:
        hits = [
            make_hit(name, entity_id, entity_name, self.score, summary=self.summary)
            for word, (entity_id, entity_name) in LISTED.items()
            if word in name.casefold()
        ][:1]
        decision = hits[0].decision if hits else "clear"
        return ScreeningResult(query=name, decision=decision, hits=hits, lists=[LIST])

    def screen_many(
        self, names: Iterable[str | tuple[str, str | None]], *, workers: int = 1
    ) -> Iterator[ScreeningResult]:
        for item in names:
            self.calls += 1
            yield self.screen_one(item[0] if isinstance(item, tuple) else item)


@pytest.fixture
def stub() -> StubScreener:
    return StubScreener()


@pytest.fixture
def eval_dir(shared_dir: Callable[[str], Path]) -> Path:
    """``../shared/eval``: skipped when absent, except under CI where its absence fails."""
    return shared_dir("eval")


def report_data(page: str) -> dict[str, Any]:
    """The data block of an HTML report: its rows, counts and audit facts."""
    opening = '<script type="application/json" id="report-data">'
    found = re.search(re.escape(opening) + "(.*?)</script>", page, re.S)
    assert found is not None
    loaded: dict[str, Any] = json.loads(found.group(1))
    return loaded
