"""Turn an alignment of two names into a score, a decision and its explanation.

The score is a weighted Dice coefficient over the aligned words:

    score = sum over pairs of (w_query + w_listed) * similarity
            / (total weight of the query's words + total weight of the listed name's words)

so a missing distinctive word costs its full weight, a missing common word little,
and a missing small word nothing. Then, in order:

- **no distinctive word in common**: when the listed name has a distinctive word
  (weight >= 0.75) and none of them found a partner at similarity >= 0.75, the score
  is capped at 0.50: a name made only of common words never matches on its own.
- **listed name contained**: when every word of the listed name (total weight at
  least 1.0) is found in the query at similarity >= 0.9, the score is at least 0.75,
  so "Office No. 39 Restaurant Services" is reviewed against "OFFICE 39" however
  many words the query adds.
- **places differ**: when each name has a place word the other lacks ("(France)" vs
  "(Germany)"), the score is multiplied by 0.85: likely a sister company elsewhere.
- **legal forms differ**: when both names carry legal forms and no two belong to the
  same group (``legal_forms.yaml``), the score is multiplied by 0.97.
"""

from __future__ import annotations

from typing import Literal

from sanctionscreen.matching.align import Alignment, Unit, align
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.results import (
    Adjustment,
    Explanation,
    NormalisedName,
    ScoreDetail,
    ThresholdRule,
    UnmatchedWord,
    WordPair,
)
from sanctionscreen.settings import Thresholds
from sanctionscreen.text.words import legal_form_group

DISTINCTIVE_WEIGHT = 0.75
DISTINCTIVE_SIMILARITY = 0.75
COMMON_ONLY_CAP = 0.5
CONTAINED_FLOOR = 0.75
CONTAINED_MIN_WEIGHT = 1.0
CONTAINED_SIMILARITY = 0.9
PLACES_DIFFER_FACTOR = 0.85
LEGAL_FORM_FACTOR = 0.97
FORMULA = ("sum of (query weight + listed weight) x similarity over word pairs, divided by "
           "the total weight of both names' words")


def score_alignment(alignment: Alignment, query: NormalisedName,
                    listed: NormalisedName) -> tuple[float, float, list[Adjustment], ScoreDetail]:
    """``(score, base score, adjustments, detail)`` for an alignment."""
    matched = sum((p.query.weight + p.listed.weight) * p.similarity for p in alignment.pairs)
    query_weight = sum(u.weight for u in alignment.query_units)
    listed_weight = sum(u.weight for u in alignment.listed_units)
    total = query_weight + listed_weight
    base = matched / total if total > 0 else (1.0 if query.words == listed.words else 0.0)
    score = base
    adjustments: list[Adjustment] = []

    distinctive = [u for u in alignment.listed_units if u.weight >= DISTINCTIVE_WEIGHT]
    met = [p for p in alignment.pairs
           if p.listed.weight >= DISTINCTIVE_WEIGHT and p.similarity >= DISTINCTIVE_SIMILARITY]
    if distinctive and not met and score > COMMON_ONLY_CAP:
        score = _adjusted(adjustments, "no_distinctive_word", score, COMMON_ONLY_CAP,
                          "no distinctive word of the listed name ("
                          + ", ".join(f"'{u.label}'" for u in distinctive)
                          + f") was found in the query, so the score is capped at "
                          f"{COMMON_ONLY_CAP:.2f}")

    listed_met = sum(p.listed.weight for p in alignment.pairs
                     if p.similarity >= CONTAINED_SIMILARITY)
    contained = (listed_weight >= CONTAINED_MIN_WEIGHT and listed_met >= listed_weight - 1e-9
                 and not alignment.unmatched_listed)
    if contained and score < CONTAINED_FLOOR:
        score = _adjusted(adjustments, "listed_name_contained", score, CONTAINED_FLOOR,
                          "every word of the listed name is in the query (the query adds words "
                          f"of its own), so the score is raised to {CONTAINED_FLOOR:.2f}: at "
                          "least a review")

    query_places = [u.label for u in alignment.unmatched_query if u.kind == "geographic"]
    listed_places = [u.label for u in alignment.unmatched_listed if u.kind == "geographic"]
    if query_places and listed_places:
        score = _adjusted(adjustments, "places_differ", score, score * PLACES_DIFFER_FACTOR,
                          f"the names name different places ({', '.join(query_places)} vs "
                          f"{', '.join(listed_places)}): score x {PLACES_DIFFER_FACTOR}")

    query_groups = {legal_form_group(f) for f in query.legal_forms}
    listed_groups = {legal_form_group(f) for f in listed.legal_forms}
    if query_groups and listed_groups and not query_groups & listed_groups:
        score = _adjusted(adjustments, "legal_form_differs", score, score * LEGAL_FORM_FACTOR,
                          f"legal forms differ ({', '.join(query.legal_forms)} vs "
                          f"{', '.join(listed.legal_forms)}): score x {LEGAL_FORM_FACTOR}")

    score = round(min(1.0, max(0.0, score)), 4)
    detail = ScoreDetail(formula=FORMULA, matched_weight=round(matched, 4),
                         query_weight=round(query_weight, 4), listed_weight=round(listed_weight, 4),
                         base_score=round(base, 4), adjustments=adjustments, score=score)
    return score, base, adjustments, detail


def _adjusted(adjustments: list[Adjustment], rule: str, before: float, after: float,
              reason: str) -> float:
    """Record a rule's change of the score and return the new score."""
    adjustments.append(Adjustment(rule=rule, before=round(before, 4), after=round(after, 4),
                                  reason=reason))
    return after


def _unmatched(units: list[Unit], side: Literal["query", "listed"]) -> list[UnmatchedWord]:
    return [UnmatchedWord(word=u.label, side=side, weight=u.weight, kind=u.kind) for u in units]


def explain(query: NormalisedName, listed: NormalisedName, *, weights: WordWeights,
            thresholds: Thresholds, listed_kind: str = "primary") -> Explanation:
    """Compare two normalised names and explain the result in full."""
    alignment = align(query.words, listed.words, weights)
    score, _, _, detail = score_alignment(alignment, query, listed)
    decision, rule = thresholds.decide(score)
    return Explanation(
        query=query,
        listed=listed,
        listed_name_kind=listed_kind,
        word_pairs=[WordPair(query_word=p.query.label, listed_word=p.listed.label,
                             similarity=p.similarity,
                             weight=round((p.query.weight + p.listed.weight) / 2, 4), how=p.how)
                    for p in alignment.pairs],
        unmatched_query=_unmatched(alignment.unmatched_query, "query"),
        unmatched_listed=_unmatched(alignment.unmatched_listed, "listed"),
        score=detail,
        decision=decision,
        threshold=ThresholdRule(match=thresholds.match, review=thresholds.review,
                                decided_by=rule),
    )
