"""Decide: what a listed name's score becomes once the name's country is known, and
which decision it gives.

Three rules, all here: the country given with a name moves the score
(``COUNTRY_AGREES`` when it is among the entity's countries, ``COUNTRY_DIFFERS`` when
not, nothing when the entity lists none); a weak alias (``Entity.names``) gives at most
review; and the thresholds (``Thresholds.decide``) turn the score into the decision.
The precision rules, which act on the alignment itself, are in ``matching/rules.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sanctionscreen.countries import given_country
from sanctionscreen.results import Adjustment, Explanation
from sanctionscreen.settings import Settings

COUNTRY_AGREES = 0.02
COUNTRY_DIFFERS = -0.03
MARGIN = 1e-4  # scores are rounded to four places after the bound is taken


def search_floor(settings: Settings) -> float:
    """The least score, before the country rule, that may still end at review."""
    bonus = COUNTRY_AGREES if settings.use_country else 0.0
    return settings.thresholds.review - bonus - MARGIN


def country_code(country: str | None, settings: Settings) -> str:
    """The country as the rule compares it: its alpha-2 code (``KP`` for ``"kp"`` or
    ``"North Korea"``, ``countries.given_country``); ``""`` when none is given, the rule
    is off, or the country cannot be read (``decided`` then says so)."""
    if not country or not settings.use_country:
        return ""
    return given_country(country) or ""


def country_delta(code: str, countries: Sequence[str]) -> float:
    """What a country given with the name (``code``, upper case; ``""``: none) adds to a
    score against an entity of ``countries`` (nothing when it lists none)."""
    if not code or not countries:
        return 0.0
    return COUNTRY_AGREES if code in countries else COUNTRY_DIFFERS


def _as_given(given: str | None, code: str) -> str:
    """``KP``, or ``'North Korea' (KP)`` when the country was given by its name."""
    written = (given or "").strip()
    return code if not written or written.upper() == code else f"{written!r} ({code})"


def bounded(score: float) -> float:
    """A score with the country rule's change, kept within 0..1 and rounded."""
    return round(min(1.0, max(0.0, score)), 4)


def decided(explanation: Explanation, listed_kind: str, countries: Sequence[str],
            code: str, settings: Settings, given: str | None = None) -> Explanation:
    """``explanation`` (made by ``matching.score.explain`` with these thresholds) with the
    country rule and the weak-alias cap applied, and the decision they lead to;
    ``given``: the country as given, said when it could not be read (``code`` ``""``)."""
    adjustments: list[Adjustment] = []
    score = explanation.score.score
    if not code and given and given.strip() and countries and settings.use_country:
        adjustments.append(Adjustment(
            rule="country", before=score, after=score,
            reason=f"the country given, {given.strip()!r}, is neither a country code nor a "
            "country name the library knows (sanctionscreen/data/countries.yaml), so it "
            "was not used; give an ISO code such as 'KP'"))
    elif code and countries:
        delta = country_delta(code, countries)
        after = bounded(score + delta)
        agrees = "agrees with" if delta > 0 else "is not among"
        adjustments.append(Adjustment(
            rule="country", before=score, after=after,
            reason=f"the country given, {_as_given(given, code)}, {agrees} the entity's "
            f"countries "
            f"({', '.join(countries)}): {delta:+.2f}"))
        score = after
    if not adjustments and (listed_kind != "weak" or explanation.decision != "match"):
        return explanation  # nothing to change
    decision, rule = settings.thresholds.decide(score)
    if listed_kind == "weak" and decision == "match":
        decision = "review"
        rule += "; matched a weak alias, so at most review"
    if not adjustments and decision == explanation.decision:
        return explanation
    detail = explanation.score.model_copy(update={
        "adjustments": [*explanation.score.adjustments, *adjustments], "score": score})
    threshold = explanation.threshold.model_copy(update={"decided_by": rule})
    return explanation.model_copy(update={"score": detail, "decision": decision,
                                          "threshold": threshold})
