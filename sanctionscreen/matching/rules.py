"""The precision rules: what keeps a clean name from meeting a listed name by accident.

They act after the words are lined up (``align.py``) and before the score is decided,
for screening and ``compare`` alike, and each is recorded in the explanation. They
only ever lower a score, so the candidate index and the score bound, which work from
word similarities alone, still find every hit (``docs/matching.md``).

Word pairs judged again (``judged``):

- ``romanisation_scope``: a romanisation-key match counts only between two words that
  read as romanised Korean or Chinese (``romanised.py``); other pairs are judged by
  spelling: "royal" / "loyal", "sysco" / "sisco".
- ``everyday_words``: two everyday words (``weights.EVERYDAY_ZIPF``) of one length
  spelled differently are different words ("Grand Trading" / "GRANT TRADE", "Ocean
  Group" / "OZEAN GROUP"), unless a word weightier than the common words of company
  names meets too ("Cardinal Wealth" / "Cardinal Health").
- ``romanised_syllables``: two words that read as romanised Korean or Chinese and begin
  with other letters (not of the same sound) are different syllables: "jinheung" /
  "sinheung".
- ``short_word``: two words of at most ``SHORT_SPELLING`` letters are different words
  when they differ by more than two neighbouring letters swapped or, from five letters,
  one vowel or an ``h``: "kering" / "bering", "arvind" / "arvin", "mowi" / "moti"
  differ; "qaeda" / "qaida", "stripe" / "strip" and "schell" / "shell" meet. Where
  the names do not rest on that pair alone (another pair of words, places and small
  words aside, meets as well as the same word: "Cosco Wholesale" / "Costco
  Wholesale"), one letter off is allowed.
- ``resting_on_one_word``: where the names rest on one pair of words alone (no other
  pair meets as well as the same word), words of up to ``FIRST_LETTER_UP_TO`` letters
  must begin with the same letter ("clement" / "element", "stanley" / "hanley" differ)
  and be at most one letter off ("poirier" / "pointer" differ; a word of six letters or
  more with letters added at its end is not: "amazonis" / "amazon"), and romanisation keys
  must agree exactly ("pechel" / "bajer" differ); words written as one must be at most
  one letter off and begin alike ("da rosa" / "larosa" differ).
- ``places``: a place word of the query does not meet another word by spelling
  ("pyongyang" / "ryongwang"), and a word of the query more than one letter from a
  listed place does not meet it ("dailan", two letters swapped, still meets "dalian").

Rules on the listed name (``Listing``: its kind and its entity's type):

- ``acronym_exact``: an acronym the list gives meets only a query that is the acronym
  as written (legal forms aside): "KOMID", not "Korea Mining" nor "KOMID Trading".
- ``weak_alias_exact``: a weak alias (OFAC's weak a.k.a., UN "low" quality) meets only
  a query of the same words; the screener also keeps such a hit at review at most.
- ``common_words_only``: a listed name with no distinctive word or number (only common,
  everyday, place and small words: "A A TRADING FZCO", "GREEN INDUSTRIES") meets only a
  query of the same words: the query adds none, and the listed name, its places aside,
  is met on all its words (two at least), or on three or more and twice as many as are
  missing.
- ``one_word_name``: a listed name of one word does not flag a query that adds words of
  its own (places and small words aside): "Otto Group" is not OTTO.
- ``one_short_word_query``: a query of one word of at most ``SHORT_SPELLING`` letters
  does not flag a listed name that has words of its own: "Koning BV" is not KONING
  MARINE CORP.
- ``company_vs_person_or_vessel``: a query with a legal form meets a person's, vessel's
  or aircraft's name only on all of its words.
- ``one_word_of_person_or_vessel``: a person's, vessel's or aircraft's name is met only on
  two of its words or more: a nickname, a single name or a one-word vessel name
  ("SANTOS", "SUNSHINE") does not flag a supplier.

Each caps the score at ``RULE_CAP``. The ``listed_name_contained`` floor (``score.py``)
is given only to organisations' names of two weighted words or more that make the
greater part of the query (``may_contain``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from sanctionscreen.matching.align import Alignment, Pair, Unit
from sanctionscreen.matching.everyday import zipf
from sanctionscreen.matching.romanised import reads_as_romanised
from sanctionscreen.matching.similarity import (
    SHORT_WORD,
    spelling_word_similarity,
)
from sanctionscreen.matching.weights import EVERYDAY_ZIPF

SHORT_SPELLING = 6
MET = 0.75  # a word pair at least this similar counts as met
CLOSE = 0.9  # ... and at least this similar, as good as the same word
ANCHOR_WEIGHT = 0.5  # words that anchor a name: all but places and small words
COMMON_WEIGHT = 0.5  # the weight of the common words of company names (common_words.yaml)
FIRST_LETTER_UP_TO = 8  # the shorter word's length up to which resting_on_one_word acts
SAME_SOUND = frozenset(frozenset(pair) for pair in ("cs", "ck", "kq", "iy", "vw", "fp"))
VOWELS = frozenset("aeiou")
VOWEL_APART_FROM = 5  # shorter words must be the same, or two letters swapped
RULE_CAP = 0.5
NOT_ORGANISATIONS = frozenset({"person", "vessel", "aircraft"})
NAME_KINDS_WITHOUT_CONTAINMENT = frozenset({"weak", "acronym"})


@dataclass(frozen=True)
class Listing:
    """What the rules need to know of a listed name: its kind and its entity's type
    (``None`` when unknown, as for ``compare``)."""

    kind: str = "primary"
    entity_type: str | None = None


PRIMARY = Listing()
"""A primary name of an entity of unknown type: what ``compare`` judges."""


def judged(alignment: Alignment) -> Alignment:
    """The alignment with each word pair judged by the pair rules (the same object when
    no rule acts)."""
    if all(p.similarity >= 1.0 for p in alignment.pairs):
        return alignment  # the same words: no pair rule can act (most names kept)
    anchors = [p for p in alignment.pairs if p.similarity >= CLOSE
               and p.query.weight >= ANCHOR_WEIGHT and p.listed.weight >= ANCHOR_WEIGHT
               and (len(p.listed.text) > SHORT_WORD or p.listed.kind == "number")
               and not (_is_place(p.query) or _is_place(p.listed))]
    pairs = [_judged_pair(p, anchored=any(a is not p for a in anchors),
                          named=any(a is not p and a.listed.weight > COMMON_WEIGHT
                                    for a in anchors))
             for p in alignment.pairs]
    if all(new is old for new, old in zip(pairs, alignment.pairs, strict=True)):
        return alignment
    return Alignment(pairs, alignment.unmatched_query, alignment.unmatched_listed,
                     alignment.query_units, alignment.listed_units)


def _judged_pair(pair: Pair, *, anchored: bool, named: bool) -> Pair:
    """``pair`` judged again (``anchored``: another pair of words of weight
    ``ANCHOR_WEIGHT`` or more meets as well as the same word, so the names do not rest on
    this one; ``named``: one of those words weighs more than the common words of company
    names, such as "trading" or "group")."""
    query, listed = pair.query, pair.listed
    a, b = query.text, listed.text
    if pair.similarity >= 1.0:
        return pair
    if len(query.parts) > 1 or len(listed.parts) > 1:  # joined words: resting_on_one_word
        if not anchored and (OSA.distance(a, b) > 1 or _begins_otherwise(a, b)):
            return Pair(query, listed, 0.0, f"{pair.how}: the names rest on these words, "
                        f"and written as one they are more than one letter off or begin "
                        f"otherwise")
        return pair
    similarity, how = pair.similarity, pair.how
    romanised = reads_as_romanised(a) and reads_as_romanised(b)
    # romanisation_scope, and romanised_syllables for keys that differ
    if how.startswith("romanisation") and how != "romanisation variant":
        reason = ("romanised Korean or Chinese words whose keys differ are different "
                  "syllables" if romanised else
                  f"romanisation variants apply only to romanised Korean or Chinese, and "
                  f"'{b if reads_as_romanised(a) else a}' is not")
        similarity, how = spelling_word_similarity(a, b)
        how = f"{how}: {reason}"
        if romanised and not _swapped(a, b):
            similarity = 0.0
    elif how.startswith("romanisation") and not romanised:
        similarity, how = spelling_word_similarity(a, b)
        how = (f"{how}: romanisation variants apply only to romanised Korean or Chinese, "
               f"and '{b if reads_as_romanised(a) else a}' is not")
    if similarity > 0 and how.startswith("spelling") and not _swapped(a, b):
        # everyday_words, then romanised_syllables for words spelled differently
        if not named and len(a) == len(b) and min(zipf(a), zipf(b)) >= EVERYDAY_ZIPF:
            return Pair(query, listed, 0.0, f"{how}: two everyday words spelled differently "
                        f"are different words")
        if romanised and _begins_otherwise(a, b):
            return Pair(query, listed, 0.0, f"{how}: romanised Korean or Chinese words that "
                        f"begin with other letters are different syllables")
    if similarity > 0 and how.startswith("spelling"):  # short_word, resting_on_one_word
        if max(len(a), len(b)) <= SHORT_SPELLING and not _vowel_apart(a, b) \
                and (not anchored or OSA.distance(a, b) > 1):
            similarity, how = 0.0, (f"{how}: short words that differ by more than a vowel "
                                    f"are different words ({SHORT_SPELLING} letters or fewer)")
        elif not anchored and min(len(a), len(b)) <= FIRST_LETTER_UP_TO \
                and _begins_otherwise(a, b):
            similarity, how = 0.0, (f"{how}: the names rest on this word, and it does not "
                                    f"begin with the same letter")
        elif not anchored and min(len(a), len(b)) <= FIRST_LETTER_UP_TO \
                and OSA.distance(a, b) > 1 and not _extends(a, b):
            similarity, how = 0.0, (f"{how}: the names rest on this word, and it is more "
                                    f"than one letter off")
    # places
    if similarity > 0 and how.startswith(("spelling", "romanisation")) \
            and _is_place(query) != _is_place(listed) \
            and (_is_place(query) or OSA.distance(a, b) > 1):
        similarity, how = 0.0, (f"{how}: a place name of the query is not another word "
                                f"misspelled" if _is_place(query) else
                                f"{how}: the query's word is more than one letter from the "
                                f"listed place name")
    if similarity == pair.similarity and how == pair.how:
        return pair
    return Pair(query, listed, similarity, how)


def _begins_otherwise(a: str, b: str) -> bool:
    """Whether two words differ at their first letter by more than one letter added or
    dropped there, a swap, or a letter of the same sound (``SAME_SOUND``): "clement" /
    "element" and "stanley" / "hanley" do; "invidia" / "nvidia", "sencora" / "cencora"
    do not."""
    if a[0] == b[0] or _swapped(a, b) or a[1:] == b or b[1:] == a:
        return False
    return not (len(a) == len(b) and a[1:] == b[1:] and frozenset((a[0], b[0])) in SAME_SOUND)


def _extends(a: str, b: str) -> bool:
    """Whether one word is the other, of six letters or more, with letters added at its
    end: "amazonis" / "amazon"."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) > SHORT_SPELLING - 1 and longer.startswith(shorter)


def _is_place(unit: Unit) -> bool:
    return unit.kind == "geographic"


def _swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters swapped."""
    differ = [i for i in range(len(a)) if a[i] != b[i]] if len(a) == len(b) else []
    return (len(differ) == 2 and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])


def _vowel_apart(a: str, b: str) -> bool:
    """Whether two words differ only by two neighbouring letters swapped, or, when both
    have five letters or more, by one vowel changed, added or dropped, or an ``h`` (or
    the ``c`` of ``ch``) added or dropped, never the first letter: "qaeda" / "qaida",
    "stripe" / "strip" and "schell" / "shell", not "kering" / "bering"."""
    if _swapped(a, b):
        return True
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        return (len(differ) == 1 and differ[0] > 0 and len(a) >= VOWEL_APART_FROM
                and a[differ[0]] in VOWELS and b[differ[0]] in VOWELS)
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1 or len(shorter) < VOWEL_APART_FROM:
        return False
    at = next((i for i in range(len(shorter)) if longer[i] != shorter[i]), len(shorter))
    added = longer[at]
    return at > 0 and longer[at + 1:] == shorter[at:] and (
        added in VOWELS or added == "h" or longer[at:at + 2] == "ch")


def may_contain(alignment: Alignment, listing: Listing) -> bool:
    """Whether the ``listed_name_contained`` floor may lift this listed name: an
    organisation's name of two weighted words or more, not a weak alias nor an acronym,
    that is the greater part of the query (the query's own words weigh no more)."""
    if (listing.kind in NAME_KINDS_WITHOUT_CONTAINMENT
            or listing.entity_type in NOT_ORGANISATIONS
            or len(_weighted(alignment.listed_units)) < 2):
        return False
    met = {id(p.query) for p in alignment.pairs if p.similarity >= MET}
    own = sum(u.weight for u in alignment.query_units if id(u) not in met)
    return own <= sum(u.weight for u in alignment.listed_units) + 1e-9


def caps(alignment: Alignment, listing: Listing, query_forms: Sequence[str],
         ) -> list[tuple[str, str]]:
    """``(rule, reason)`` of each rule that caps the score at ``RULE_CAP``."""
    found: list[tuple[str, str]] = []
    listed_weighted = _weighted(alignment.listed_units)
    met_listed = [p for p in alignment.pairs if p.listed.weight > 0 and p.similarity >= MET]
    exact_listed = {id(p.listed) for p in alignment.pairs if p.similarity >= 1.0}
    exact_query = {id(p.query) for p in alignment.pairs if p.similarity >= 1.0}
    met_query = {id(p.query) for p in alignment.pairs if p.similarity >= MET}
    own_words = [u for u in _weighted(alignment.query_units)
                 if id(u) not in met_query and u.kind != "geographic"]
    exact = (all(id(u) in exact_listed for u in listed_weighted)
             and all(id(u) in exact_query for u in _weighted(alignment.query_units)))
    if listing.kind == "acronym" and not exact:
        found.append(("acronym_exact", "an acronym the list gives is compared exactly: it "
                      "meets only a query that is the acronym as written"))
    if listing.kind == "weak" and not exact:
        found.append(("weak_alias_exact", "a weak alias is compared exactly: it meets only "
                      "a query of the same words"))
    if not any(u.kind in ("distinctive", "number") for u in listed_weighted) \
            and not _same_common_words(alignment, listed_weighted):
        found.append(("common_words_only", "the listed name has no distinctive word, so it "
                      "meets only a query of the same words (its places aside, and a third "
                      "of its words may be missing)"))
    if len(listed_weighted) == 1 and own_words:
        found.append(("one_word_name", "the listed name is one word, and the query adds "
                      "words of its own (" + ", ".join(f"'{u.label}'" for u in own_words)
                      + "): one shared word is not enough"))
    query_weighted = _weighted(alignment.query_units)
    if len(query_weighted) == 1 and len(query_weighted[0].text) <= SHORT_SPELLING:
        listed_own = [u for u in listed_weighted
                      if id(u) not in {id(p.listed) for p in met_listed} and not _is_place(u)]
        if listed_own:
            found.append(("one_short_word_query", "the query is one short word, and the "
                          "listed name has words of its own (" + ", ".join(
                              f"'{u.label}'" for u in listed_own) + "): a short word is "
                          "not enough"))
    if listing.entity_type in NOT_ORGANISATIONS and len(met_listed) < 2:
        found.append(("one_word_of_person_or_vessel", f"a {listing.entity_type}'s name "
                      "is met only on two of its words or more: one word (a nickname, a "
                      "single name, a vessel's name) is not enough"))
    elif listing.entity_type in NOT_ORGANISATIONS and query_forms \
            and len(met_listed) < len(listed_weighted):
        found.append(("company_vs_person_or_vessel", f"a company (the query has a legal "
                      f"form) meets a {listing.entity_type}'s name only on all of its words"))
    return found


def _same_common_words(alignment: Alignment, listed_weighted: list[Unit]) -> bool:
    """Whether a query meets a listed name of common words only as ``common_words_only``
    asks: every word of the query met, and every word of the listed name met, or, its
    places aside, two of its words at least, or three and no fewer than twice those
    left over."""
    met_listed = _met(alignment, "listed")
    if any(id(u) not in _met(alignment, "query") for u in _weighted(alignment.query_units)):
        return False
    if all(id(u) in met_listed for u in listed_weighted):
        return True
    words = [u for u in listed_weighted if not _is_place(u)]
    met = sum(len(u.parts) for u in words if id(u) in met_listed)
    unmet = sum(len(u.parts) for u in words if id(u) not in met_listed)
    return met >= 2 and (unmet == 0 or (met >= 3 and unmet <= met // 2))


def _met(alignment: Alignment, side: str) -> set[int]:
    """The units (by ``id``) of one side met at ``MET`` similarity or more."""
    return {id(p.query if side == "query" else p.listed) for p in alignment.pairs
            if p.similarity >= MET}


def _weighted(units: list[Unit]) -> list[Unit]:
    return [u for u in units if u.weight > 0]
