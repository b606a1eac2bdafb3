"""Result models: what a screening or a comparison returns, and how it explains itself.

Everything here is plain data that serialises to JSON (``model_dump_json``);
``Explanation.text()`` renders the same facts as plain words for a reviewer.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sanctionscreen.watchlist.model import Risk, Source

Decision = Literal["match", "review", "clear", "error"]
DECISION_ORDER: dict[str, int] = {"match": 3, "review": 2, "clear": 1, "error": 0}


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class NormalisationStep(_Result):
    """One step of normalisation that changed the name."""

    step: str  # machine name, e.g. "legal_form"
    before: str
    after: str
    detail: str  # plain words, e.g. "legal form 'Co., Ltd.' set aside"


class NormalisedName(_Result):
    """A name as given, and what normalisation made of it."""

    original: str
    normalised: str  # the words compared, joined by spaces
    words: list[str]
    legal_forms: list[str] = Field(default_factory=list)  # canonical legal forms set aside
    steps: list[NormalisationStep] = Field(default_factory=list)


class WordPair(_Result):
    """A query word aligned to a listed word."""

    query_word: str
    listed_word: str
    similarity: float  # 0..1
    weight: float  # how much the pair counts in the score
    how: str  # "same word", "spelling (edit distance)", "romanisation variant", ...


class UnmatchedWord(_Result):
    """A word on one side that found no partner on the other."""

    word: str
    side: Literal["query", "listed"]
    weight: float
    kind: str  # "distinctive", "common", "geographic", "number", ...


class Adjustment(_Result):
    """A rule that changed the score after the word alignment."""

    rule: str
    before: float
    after: float
    reason: str


class ScoreDetail(_Result):
    """How the final score was made from the word pairs."""

    formula: str
    matched_weight: float
    query_weight: float
    listed_weight: float
    base_score: float
    adjustments: list[Adjustment] = Field(default_factory=list)
    score: float


class ThresholdRule(_Result):
    """The thresholds in force and which one decided."""

    match: float
    review: float
    decided_by: str  # e.g. "score 0.912 >= match threshold 0.850"


class Explanation(_Result):
    """Why a query name did or did not match one listed name."""

    query: NormalisedName
    listed: NormalisedName
    listed_name_kind: str = "primary"  # primary, aka, fka, weak, acronym, ...
    word_pairs: list[WordPair] = Field(default_factory=list)
    unmatched_query: list[UnmatchedWord] = Field(default_factory=list)
    unmatched_listed: list[UnmatchedWord] = Field(default_factory=list)
    score: ScoreDetail
    decision: Decision
    threshold: ThresholdRule

    def text(self) -> str:
        """The explanation in plain words, one fact a line."""
        from sanctionscreen.explain import render_explanation

        return render_explanation(self)


class Comparison(_Result):
    """Two names compared without a list: ``sanctionscreen.compare``."""

    query: str
    candidate: str
    score: float
    decision: Decision  # "error" when a name cannot be used (``error`` says why)
    explanation: Explanation | None  # None only with decision "error"
    error: str | None = None

    def text(self) -> str:
        """The comparison in plain words (or why it could not be made)."""
        if self.explanation is None:
            return f"ERROR: {self.error}"
        return self.explanation.text()


class ListInfo(_Result):
    """Which version of which list a result was screened against."""

    id: str
    title: str
    version: str | None = None
    source: str | None = None
    source_date: str | None = None
    content_hash: str
    entities: int
    names: int


class Hit(_Result):
    """A listed entity that a screened name matched or came close to."""

    entity_id: str
    entity_name: str
    entity_type: str
    matched_name: str
    matched_name_kind: str
    score: float
    decision: Decision
    risk: Risk
    summary: str | None = None
    sources: list[Source] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    explanation: Explanation
    # sha256 of the entity's whole listing, every alias included (``screening.hits``);
    # "" in results made before it was recorded.
    entity_fingerprint: str = ""
    # The same entity as other lists name it (a designation, authority and entry, in
    # common), best first: shown once, with every list's record and explanation kept.
    also_listed: list[Hit] = Field(default_factory=list)
    # Last, because a field named "list" shadows the builtin for the annotations after it.
    list: str  # the list's id

    def text(self) -> str:
        """The hit and its explanation in plain words."""
        from sanctionscreen.explain import render_hit

        return render_hit(self)


class ScreeningResult(_Result):
    """The outcome of screening one name against the loaded lists."""

    query: str
    decision: Decision
    hits: list[Hit] = Field(default_factory=list)  # best first
    error: str | None = None  # why the name could not be screened (decision "error")
    lists: list[ListInfo] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    settings_hash: str = ""
    library_version: str = ""

    @property
    def best(self) -> Hit | None:
        """The highest-scoring hit, if any."""
        return self.hits[0] if self.hits else None

    def text(self) -> str:
        """The result and every hit in plain words."""
        from sanctionscreen.explain import render_result

        return render_result(self)
