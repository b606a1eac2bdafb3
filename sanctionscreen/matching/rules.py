"""The precision rules: what keeps a clean name from meeting a listed name by accident.

They act after the words are lined up (``align.py``) and before the score is decided,
for screening and ``compare`` alike, and each is recorded in the explanation. They
only ever lower a score, so the candidate index and the score bound, which work from
word similarities alone, still find every hit (``docs/matching.md``).

Word pairs judged again (``judged``):

- ``romanisation_scope``: a romanisation-key match counts only between two words that
  read as romanised Korean or Chinese (``romanised.py``); other pairs are judged by
  spelling: "royal" / "loyal", "sysco" / "sisco".
- ``short_word``: two words of at most ``SHORT_SPELLING`` letters are different words
  when they differ by more than two neighbouring letters swapped or, from five letters,
  one vowel or an ``h``: "kering" / "bering", "arvind" / "arvin", "mowi" / "moti"
  differ; "qaeda" / "qaida", "stripe" / "strip" and "schell" / "shell" meet. Where
  the names do not rest on that pair alone (another pair of words, places and small
  words aside, meets as well as the same word: "Cosco Wholesale" / "Costco
  Wholesale"), one letter off is allowed.
- ``first_letter``: where the names rest on one pair of words alone (no other pair
  meets as well as the same word), words spelled differently must begin alike:
  "clement" / "element".
- ``place_vs_name``: a place word does not meet a word of another class by a spelling
  more than one edit away ("pyongyang" / "ryongwang"; "dailan" still meets "dalian").

Rules on the listed name (``Listing``: its kind and its entity's type):

- ``acronym_exact``: an acronym the list gives meets only a query that is the acronym
  as written (legal forms aside): "KOMID", not "Korea Mining" nor "KOMID Trading".
- ``weak_alias_exact``: a weak alias (OFAC's weak a.k.a., UN "low" quality) meets only
  a query of the same words; the screener also keeps such a hit at review at most.
- ``common_words_only``: a listed name with no distinctive word or number (only common,
  everyday, place and small words: "A A TRADING FZCO", "GREEN INDUSTRIES") meets only a
  query of the same words, places aside, and on two words at least.
- ``one_word_name``: a listed name of one word does not flag a query that adds words of
  its own (places and small words aside): "Otto Group" is not OTTO.
- ``one_word_of_person_or_vessel``: a person's, vessel's or aircraft's name is met only on
  two of its words or more: a nickname, a single name or a one-word vessel name
  ("SANTOS", "SUNSHINE") does not flag a supplier.

Each caps the score at ``RULE_CAP``. The ``listed_name_contained`` floor (``score.py``)
is given only to organisations' names of two weighted words or more (``may_contain``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA

from sanctionscreen.matching.align import Alignment, Pair, Unit
from sanctionscreen.matching.romanised import reads_as_romanised
from sanctionscreen.matching.similarity import SHORT_WORD, spelling_word_similarity

SHORT_SPELLING = 6
MET = 0.75  # a word pair at least this similar counts as met
VOWELS = frozenset("aeiouy")
VOWEL_APART_FROM = 5  # shorter words must be the same, or two letters swapped
CLOSE = 0.9  # ... and at least this similar, as good as the same word
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
    anchors = [p for p in alignment.pairs if p.similarity >= CLOSE
               and p.query.weight > 0 and p.listed.weight > 0
               and len(p.listed.text) > SHORT_WORD
               and not (_is_place(p.query) or _is_place(p.listed))]
    pairs = [_judged_pair(p, anchored=any(a is not p for a in anchors))
             for p in alignment.pairs]
    if all(new is old for new, old in zip(pairs, alignment.pairs, strict=True)):
        return alignment
    return replace(alignment, pairs=pairs)


def _judged_pair(pair: Pair, *, anchored: bool) -> Pair:
    """``pair`` judged again (``anchored``: another pair of words, places and small
    words aside, meets as well as the same word, so the names do not rest on this one)."""
    query, listed = pair.query, pair.listed
    if pair.similarity >= 1.0 or len(query.parts) > 1 or len(listed.parts) > 1:
        return pair  # the same word, or joined words (judged as a run by align.py)
    a, b = query.text, listed.text
    similarity, how = pair.similarity, pair.how
    if how.startswith("romanisation") and not (reads_as_romanised(a) and reads_as_romanised(b)):
        similarity, how = spelling_word_similarity(a, b)
        how = (f"{how}: romanisation variants apply only to romanised Korean or Chinese, "
               f"and '{b if reads_as_romanised(a) else a}' is not")
    if similarity > 0 and max(len(a), len(b)) <= SHORT_SPELLING \
            and how.startswith("spelling") and not _vowel_apart(a, b) \
            and (not anchored or OSA.distance(a, b) > 1):
        similarity, how = 0.0, (f"{how}: short words that differ by more than a vowel are "
                                f"different words ({SHORT_SPELLING} letters or fewer)")
    if similarity > 0 and not anchored and how.startswith("spelling") and a[0] != b[0]:
        similarity, how = 0.0, (f"{how}: the names rest on this word, and its first "
                                f"letters differ")
    if similarity > 0 and how.startswith(("spelling", "romanisation")) \
            and _is_place(query) != _is_place(listed) and OSA.distance(a, b) > 1:
        similarity, how = 0.0, f"{how}: a place name is not another word spelled differently"
    if similarity == pair.similarity and how == pair.how:
        return pair
    return Pair(query, listed, similarity, how)


def _is_place(unit: Unit) -> bool:
    return unit.kind == "geographic"


def _vowel_apart(a: str, b: str) -> bool:
    """Whether two words differ only by two neighbouring letters swapped, or, when both
    have five letters or more, by one vowel changed, added or dropped, or an ``h`` (or
    the ``c`` of ``ch``) added or dropped, never the first letter: "qaeda" / "qaida",
    "stripe" / "strip" and "schell" / "shell", not "kering" / "bering"."""
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        if len(differ) == 2:
            i, j = differ
            return j == i + 1 and a[i] == b[j] and a[j] == b[i]
        return (len(differ) == 1 and differ[0] > 0 and min(len(a), len(b)) >= VOWEL_APART_FROM
                and a[differ[0]] in VOWELS and b[differ[0]] in VOWELS)
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1 or len(shorter) < VOWEL_APART_FROM:
        return False
    at = next((i for i in range(len(shorter)) if longer[i] != shorter[i]), len(shorter))
    added = longer[at]
    return at > 0 and longer[at + 1:] == shorter[at:] and (
        added in VOWELS or added == "h" or longer[at:at + 2] == "ch")


def may_contain(alignment: Alignment, listing: Listing) -> bool:
    """Whether the ``listed_name_contained`` floor may lift this listed name."""
    return (listing.kind not in NAME_KINDS_WITHOUT_CONTAINMENT
            and listing.entity_type not in NOT_ORGANISATIONS
            and len(_weighted(alignment.listed_units)) >= 2)


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
    if not any(u.kind in ("distinctive", "number") for u in listed_weighted):
        met_query_ids, met_listed_ids = _met(alignment, "query"), _met(alignment, "listed")
        listed_words = [u for u in listed_weighted if not _is_place(u)]
        query_words = [u for u in _weighted(alignment.query_units) if not _is_place(u)]
        if (len([u for u in listed_words if id(u) in met_listed_ids]) < 2
                or any(id(u) not in met_listed_ids for u in listed_words)
                or any(id(u) not in met_query_ids for u in query_words)):
            found.append(("common_words_only", "the listed name has no distinctive word, so "
                          "it meets only a query of the same words, two of them at least "
                          "(places aside)"))
    if len(listed_weighted) == 1 and own_words:
        found.append(("one_word_name", "the listed name is one word, and the query adds "
                      "words of its own (" + ", ".join(f"'{u.label}'" for u in own_words)
                      + "): one shared word is not enough"))
    if listing.entity_type in NOT_ORGANISATIONS and len(met_listed) < 2:
        found.append(("one_word_of_person_or_vessel", f"a {listing.entity_type}'s name "
                      "is met only on two of its words or more: one word (a nickname, a "
                      "single name, a vessel's name) is not enough"))
    return found


def _met(alignment: Alignment, side: str) -> set[int]:
    """The units (by ``id``) of one side met at ``MET`` similarity or more."""
    return {id(p.query if side == "query" else p.listed) for p in alignment.pairs
            if p.similarity >= MET}


def _weighted(units: list[Unit]) -> list[Unit]:
    return [u for u in units if u.weight > 0]
