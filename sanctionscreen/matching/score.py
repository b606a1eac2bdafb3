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

With a ``Listing`` (the listed name's kind and entity type), the precision rules of
``rules.py`` act too: word pairs are judged again before the score is made, the
contained floor is given only where ``rules.may_contain`` allows it, and each name rule
that acts caps the score at ``rules.RULE_CAP``. Without one (``alignment_score``), the
score is an upper bound of the final score.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, Literal

from sanctionscreen.matching import rules
from sanctionscreen.matching.align import Alignment, Unit, align
from sanctionscreen.matching.rules import Listing
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.results import (
    Adjustment,
    Explanation,
    NormalisedName,
    ScoreDetail,
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


def score_alignment(alignment: Alignment, query: NormalisedName, listed: NormalisedName,
                    listing: Listing | None = rules.PRIMARY,
                    ) -> tuple[float, float, list[Adjustment], ScoreDetail]:
    """``(score, base score, adjustments, detail)`` for an alignment (``listing``: the
    listed name's kind and entity type for the precision rules; ``None``: without them)."""
    score, base, adjustments, detail, _ = _scored(alignment, query, listed, listing)
    return score, base, adjustments, ScoreDetail.model_validate(detail)


def _scored(alignment: Alignment, query: NormalisedName, listed: NormalisedName,
            listing: Listing | None,
            ) -> tuple[float, float, list[Adjustment], dict[str, Any], Alignment]:
    """``score_alignment`` with its detail as the fields of a ``ScoreDetail``, and the
    alignment as the pair rules judged it."""
    adjustments: list[Adjustment] = []
    if listing is not None:
        alignment = rules.judged(alignment)
    score, base, matched, query_weight, listed_weight = _score(
        alignment, query.words == listed.words, query.legal_forms, listed.legal_forms,
        adjustments, listing)
    detail = {"formula": FORMULA, "matched_weight": round(matched, 4),
              "query_weight": round(query_weight, 4), "listed_weight": round(listed_weight, 4),
              "base_score": round(base, 4), "adjustments": adjustments, "score": score}
    return score, base, adjustments, detail, alignment


def alignment_score(alignment: Alignment, same_words: bool, query_forms: Sequence[str],
                    listed_forms: Sequence[str]) -> float:
    """The score before the precision rules (``rules.py``), without recording how it
    was made; ``same_words`` says whether both names have the same words. An upper
    bound of ``ruled_score``."""
    return _score(alignment, same_words, query_forms, listed_forms, None, None)[0]


def ruled_score(alignment: Alignment, same_words: bool, query_forms: Sequence[str],
                listed_forms: Sequence[str], listing: Listing) -> float:
    """The final score, with the precision rules, without recording how it was made: the
    score ``explain`` gives the same names."""
    return _score(rules.judged(alignment), same_words, query_forms, listed_forms, None,
                  listing)[0]


def _score(alignment: Alignment, same_words: bool, query_forms: Sequence[str],
           listed_forms: Sequence[str], adjustments: list[Adjustment] | None,
           listing: Listing | None,
           ) -> tuple[float, float, float, float, float]:
    """``(score, base, matched, query weight, listed weight)``; the rules that change the
    score are added to ``adjustments`` unless it is ``None``; ``listing`` (when given)
    brings in the precision rules on the listed name (``rules.py``), applied after the
    pair rules have judged ``alignment``."""
    # Added one by one from the first, as ``added`` adds (loops: no generator to call).
    matched = query_weight = listed_weight = 0.0
    for p in alignment.pairs:
        matched += (p.query.weight + p.listed.weight) * p.similarity
    for u in alignment.query_units:
        query_weight += u.weight
    for u in alignment.listed_units:
        listed_weight += u.weight
    total = query_weight + listed_weight
    base = matched / total if total > 0 else (1.0 if same_words else 0.0)
    score = base

    if score > COMMON_ONLY_CAP and not any(
            p.listed.weight >= DISTINCTIVE_WEIGHT and p.similarity >= DISTINCTIVE_SIMILARITY
            for p in alignment.pairs):
        distinctive = [u for u in alignment.listed_units if u.weight >= DISTINCTIVE_WEIGHT]
        if distinctive:
            score = _adjusted(adjustments, "no_distinctive_word", score, COMMON_ONLY_CAP,
                              lambda: "no distinctive word of the listed name ("
                              + ", ".join(f"'{u.label}'" for u in distinctive)
                              + f") was found in the query, so the score is capped at "
                              f"{COMMON_ONLY_CAP:.2f}")

    if score < CONTAINED_FLOOR and listed_weight >= CONTAINED_MIN_WEIGHT \
            and not alignment.unmatched_listed \
            and (listing is None or rules.may_contain(alignment, listing)):
        listed_met = added(p.listed.weight for p in alignment.pairs
                           if p.similarity >= CONTAINED_SIMILARITY)
        if listed_met >= listed_weight - 1e-9:
            score = _adjusted(adjustments, "listed_name_contained", score, CONTAINED_FLOOR,
                              lambda: "every word of the listed name is in the query (the "
                              "query adds words of its own), so the score is raised to "
                              f"{CONTAINED_FLOOR:.2f}: at least a review")

    query_places = [u.label for u in alignment.unmatched_query if u.kind == "geographic"]
    listed_places = [u.label for u in alignment.unmatched_listed if u.kind == "geographic"]
    if query_places and listed_places:
        score = _adjusted(adjustments, "places_differ", score, score * PLACES_DIFFER_FACTOR,
                          lambda: f"the names name different places ({', '.join(query_places)} "
                          f"vs {', '.join(listed_places)}): score x {PLACES_DIFFER_FACTOR}")

    if legal_forms_differ(query_forms, listed_forms):
        score = _adjusted(adjustments, "legal_form_differs", score, score * LEGAL_FORM_FACTOR,
                          lambda: f"legal forms differ ({', '.join(query_forms)} vs "
                          f"{', '.join(listed_forms)}): score x {LEGAL_FORM_FACTOR}")

    capped = rules.caps(alignment, listing, query_forms) \
        if listing is not None and score > rules.RULE_CAP else []
    for rule, reason in capped:  # each rule that acts is recorded; the first caps
        score = _adjusted(adjustments, rule, score, rules.RULE_CAP,
                          partial(_capped_because, reason))

    score = round(min(1.0, max(0.0, score)), 4)
    return score, base, matched, query_weight, listed_weight


def _capped_because(reason: str) -> str:
    return f"{reason}, so the score is capped at {rules.RULE_CAP:.2f}"


def legal_forms_differ(query_forms: Sequence[str], listed_forms: Sequence[str]) -> bool:
    """Whether both names carry legal forms and no two belong to the same group."""
    if not query_forms or not listed_forms:
        return False
    query_groups = {legal_form_group(f) for f in query_forms}
    return query_groups.isdisjoint(legal_form_group(f) for f in listed_forms)


def added(values: Iterable[float]) -> float:
    """The sum of ``values``, added one by one from the first: ``sum`` adds floats more
    carefully from Python 3.12 on, and a score must be the same double on every version."""
    total = 0.0
    for value in values:
        total += value
    return total


def _adjusted(adjustments: list[Adjustment] | None, rule: str, before: float, after: float,
              reason: Callable[[], str]) -> float:
    """Record a rule's change of the score (when recording) and return the new score."""
    if adjustments is not None:
        adjustments.append(Adjustment(rule=rule, before=round(before, 4), after=round(after, 4),
                                      reason=reason()))
    return after


def _unmatched(units: list[Unit], side: Literal["query", "listed"]) -> list[dict[str, Any]]:
    return [{"word": u.label, "side": side, "weight": u.weight, "kind": u.kind} for u in units]


def explain(query: NormalisedName, listed: NormalisedName, *, weights: WordWeights,
            thresholds: Thresholds, listed_kind: str = "primary",
            entity_type: str | None = None, alignment: Alignment | None = None) -> Explanation:
    """Compare two normalised names and explain the result in full (``alignment``: the
    names' alignment, when it was already made; ``entity_type``: the listed entity's, for
    the precision rules)."""
    if alignment is None:
        alignment = align(query.words, listed.words, weights)
    score, _, _, detail, alignment = _scored(alignment, query, listed,
                                             Listing(listed_kind, entity_type))
    decision, rule = thresholds.decide(score)
    # One validation makes every nested model: half the time of making each on its own.
    return Explanation.model_validate({
        "query": query,
        "listed": listed,
        "listed_name_kind": listed_kind,
        "word_pairs": [{"query_word": p.query.label, "listed_word": p.listed.label,
                        "similarity": p.similarity,
                        "weight": round((p.query.weight + p.listed.weight) / 2, 4), "how": p.how}
                       for p in alignment.pairs],
        "unmatched_query": _unmatched(alignment.unmatched_query, "query"),
        "unmatched_listed": _unmatched(alignment.unmatched_listed, "listed"),
        "score": detail,
        "decision": decision,
        "threshold": {"match": thresholds.match, "review": thresholds.review,
                      "decided_by": rule},
    })
