"""Matching quality on labelled pairs built from official sanctions lists.

The lists label the pairs themselves, so nobody on this project wrote them:

- positives: each alias an entry lists (a.k.a., f.k.a., n.k.a., weak a.k.a., the
  acronyms OFAC writes in its remarks, the UN's original-script name) against the
  entry's primary name. Our own ``reordered`` rewrite of a person's name is left out.
- hard negatives: each primary name against the most similar primary name of a
  different entry of the same list (rapidfuzz ``token_sort_ratio`` on normalised
  names), passing over entries the lists tie together: a shared name or alias, a
  ``related`` link, or one entry's remarks naming the other.

Organisations (every entity type but person) by default. Pairs are scored with
:func:`sanctionscreen.compare` and reported for all pairs and for the DPRK subset.
Run: ``.venv/bin/python benchmarks/quality_lists.py [--list PATH]... [--out FILE.csv]``.
See ``docs/quality-official-lists.md``.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from sanctionscreen import normalise
from sanctionscreen.errors import ConfigurationError, SanctionscreenError
from sanctionscreen.evaluation import Evaluation, LabelledPair, Metrics, evaluate
from sanctionscreen.importers import load_list
from sanctionscreen.matching.weights import word_class
from sanctionscreen.watchlist.model import Entity, Watchlist

LISTS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "lists"
DEFAULT_LISTS = (LISTS / "ofac-sdn-2024-05", LISTS / "un" / "un_consolidated_2026-02-27.xml")
POSITIVE_KINDS = frozenset({"aka", "fka", "nka", "weak", "acronym", "transliteration"})
CANDIDATES = 10  # nearest names looked at to find one not tied to the entry
SWEEP = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.82, 0.85, 0.9, 0.95)
COLUMNS = ("name1", "name2", "is_match", "subset", "source", "kind", "type", "shared", "group")
SHARED = ("none", "generic", "distinctive")


@dataclass(frozen=True)
class ListPair:
    """One labelled pair: ``name1`` is the query, ``name2`` the listed primary name."""

    name1: str
    name2: str
    is_match: bool
    subset: str  # "dprk" or "other"
    source: str  # "<list>:<entry>" (positives) or "<list>:<entry>~<list>:<entry>"
    kind: str  # alias kind for positives, "negative" for negatives
    type: str  # entity type of the query's entry
    shared: str  # best word the names share after normalisation: one of SHARED
    group: str  # how the names differ, roughly: see difference()


@cache
def _words(name: str) -> tuple[str, ...]:
    return tuple(normalise(name).words)


def _key(name: str) -> str:
    return " ".join(_words(name))


def is_dprk(entity: Entity) -> bool:
    """Designated under a DPRK programme (OFAC DPRK*, UN list type DPRK or reference KP...)."""
    return any("DPRK" in (d.programme or "").upper() or (d.reference or "").startswith("KP")
               for d in entity.risk.designations)


def _pair(name1: str, name2: str, *, is_match: bool, entity: Entity, source: str,
          kind: str) -> ListPair:
    return ListPair(name1, name2, is_match, "dprk" if is_dprk(entity) else "other", source,
                    kind, entity.type, shared_words(name1, name2),
                    difference(name1, name2, acronym=kind == "acronym"))


def shared_words(name1: str, name2: str) -> str:
    """``"none"``, ``"generic"`` (common, geographic or number words only) or ``"distinctive"``.

    Stopwords (of, the) do not count as shared words.
    """
    classes = {word_class(w) for w in set(_words(name1)) & set(_words(name2))} - {"stopword"}
    if not classes:
        return "none"
    return "distinctive" if "distinctive" in classes else "generic"


def difference(name1: str, name2: str, *, acronym: bool = False) -> str:
    """How two names differ, by a rough rule on their normalised words (stopwords aside).

    >>> difference("NAM CHONG GAN TRADING", "NAMCHONGANG TRADING")
    'joined or split words'
    """
    words = [[w for w in _words(n) if word_class(w) != "stopword"] for n in (name1, name2)]
    a, b = set(words[0]), set(words[1])
    only = [[w for w in words[0] if w not in b], [w for w in words[1] if w not in a]]
    if acronym:
        return "acronym"
    if not a & b:
        return "no shared word"
    if a == b:
        return "same words"
    if a <= b or b <= a:
        return "one inside the other"
    if all(w.isdigit() for w in only[0] + only[1]):
        return "numbers differ"
    if len(only[0]) != len(only[1]) and fuzz.ratio("".join(only[0]), "".join(only[1])) >= 80:
        return "joined or split words"
    if len(only[0]) == len(only[1]) and all(
            fuzz.ratio(x, y) >= 60 for x, y in zip(*only, strict=True)):
        return "spelling"
    if any(fuzz.ratio(x, y) >= 60 for x in only[0] for y in only[1]):
        return "spelling and other words"
    return "other words"


def included(watchlist: Watchlist, *, include_people: bool) -> list[Entity]:
    """The entries screened for: organisations, and people when asked; sorted by id."""
    return sorted((e for e in watchlist.entities if include_people or e.type != "person"),
                  key=lambda e: e.id)


def positives(watchlist: Watchlist, entities: Iterable[Entity]) -> list[ListPair]:
    """Each listed alias against its entry's primary name."""
    return [_pair(alias.name, entity.name, is_match=True, entity=entity, kind=alias.kind,
                  source=f"{watchlist.id}:{entity.id}")
            for entity in entities for alias in entity.aliases
            if alias.kind in POSITIVE_KINDS and _key(alias.name) and _key(entity.name)]


def _names(entity: Entity) -> set[str]:
    return {k for name, kind in entity.names() if kind != "reordered" and (k := _key(name))}


def _mentions(text: str | None, entity: Entity) -> bool:
    """Whether ``text`` (remarks) names ``entity`` by any of its names, as whole words."""
    if not text:
        return False
    folded = text.casefold()
    return any(len(name) >= 4 and re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded)
               for name, kind in entity.names() if kind != "reordered")


def tied(a: Entity, b: Entity) -> bool:
    """Whether the list ties two entries together: a shared name, a link, or remarks."""
    return (bool(_names(a) & _names(b))
            or any(r.entity == b.id for r in a.related) or any(r.entity == a.id for r in b.related)
            or _mentions(a.summary, b) or _mentions(b.summary, a))


def hard_negatives(watchlist: Watchlist, entities: Sequence[Entity]) -> list[ListPair]:
    """Each primary name against the nearest primary name of an untied entry of the same kind."""
    pairs: list[ListPair] = []
    for people in (False, True):
        group = [e for e in entities if (e.type == "person") == people and _key(e.name)]
        keys = [_key(e.name) for e in group]
        for number, entity in enumerate(group):
            nearest = process.extract(keys[number], keys, scorer=fuzz.token_sort_ratio,
                                      limit=CANDIDATES + 1)
            for _, _, other in sorted(nearest, key=lambda hit: (-hit[1], hit[2])):
                if other != number and not tied(entity, group[other]):
                    pairs.append(_pair(entity.name, group[other].name, is_match=False,
                                       entity=entity, kind="negative",
                                       source=f"{watchlist.id}:{entity.id}~"
                                              f"{watchlist.id}:{group[other].id}"))
                    break
    return pairs


def build_pairs(watchlists: Sequence[Watchlist], *, include_people: bool = False,
                limit: int | None = None, seed: int = 0) -> list[ListPair]:
    """Positives and hard negatives from every list, without repeats.

    A pair is dropped when its two names normalise like an earlier pair's (in
    either order), and a negative when any list gives both names to one entry.
    ``limit`` samples that many entries per list (with ``seed``) for a quick run.
    """
    found: list[ListPair] = []
    same_entry: set[frozenset[str]] = set()
    for watchlist in watchlists:
        entities = included(watchlist, include_people=include_people)
        if limit is not None and len(entities) > limit:
            entities = sorted(random.Random(seed).sample(entities, limit), key=lambda e: e.id)
        found += positives(watchlist, entities)
        found += hard_negatives(watchlist, entities)
        for entity in watchlist.entities:
            names = sorted(_names(entity))
            same_entry.update(frozenset((x, y)) for x in names for y in names if x < y)
    pairs: list[ListPair] = []
    seen: set[frozenset[str]] = set()
    for pair in found:
        key = frozenset((_key(pair.name1), _key(pair.name2)))
        if key in seen or (not pair.is_match and key in same_entry):
            continue
        seen.add(key)
        pairs.append(pair)
    return pairs


def write_csv(pairs: Sequence[ListPair], path: Path) -> None:
    """The pairs as CSV that ``sanctionscreen evaluate`` reads (row 2 is the first pair)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for p in pairs:
            writer.writerow([p.name1, p.name2, str(p.is_match).lower(), p.subset, p.source,
                             p.kind, p.type, p.shared, p.group])


def _line(label: str, m: Metrics) -> str:
    return (f"{label:<34} P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}   "
            f"(TP {m.true_positives}, FP {m.false_positives}, FN {m.false_negatives}, "
            f"TN {m.true_negatives})")


def _caught(result: Evaluation, chosen: list[int]) -> str:
    t = result.thresholds
    scores = [result.comparisons[i].score for i in chosen]
    at_match = sum(s >= t.match for s in scores)
    at_review = sum(s >= t.review for s in scores)

    def share(n: int) -> str:
        return f"{n / len(scores):.1%}" if scores else "-"

    return (f"{len(scores):>5} pairs; match {at_match} ({share(at_match)}), "
            f"match or review {at_review} ({share(at_review)})")


def _subset(result: Evaluation, chosen: list[int]) -> Evaluation:
    return Evaluation([result.pairs[i] for i in chosen], [result.comparisons[i] for i in chosen],
                      result.thresholds)


def report(title: str, result: Evaluation, meta: Sequence[ListPair], *, worst: int = 10,
           explain: int = 3) -> str:
    """Figures for one subset: ``meta[i]`` describes ``result.pairs[i]``."""
    t = result.thresholds
    rows = range(len(meta))
    by_row = {pair.row: m for pair, m in zip(result.pairs, meta, strict=True)}
    pos = [i for i in rows if meta[i].is_match]
    lines = [f"== {title} ==",
             f"pairs: {len(meta)} ({len(pos)} positive, {len(meta) - len(pos)} hard negative)",
             _line(f"match (score >= {t.match:.2f})", result.metrics(t.match)),
             _line(f"match or review (>= {t.review:.2f})", result.metrics(t.review))]
    some = _subset(result, [i for i in rows if meta[i].shared != "none" or not meta[i].is_match])
    lines += [_line("  without no-shared-word positives", some.metrics(t.match)),
              _line("  the same, match or review", some.metrics(t.review)), "",
              "positives by the words they share with the primary name (stopwords aside):"]
    for shared in SHARED:
        chosen = [i for i in pos if meta[i].shared == shared]
        lines.append(f"  {shared:<22}" + _caught(result, chosen))
    neg = [i for i in rows if not meta[i].is_match]
    for what, chosen, label in (("kind", pos, "positives by alias kind"),
                                ("type", pos, "positives by entity type"),
                                ("group", pos, "positives by how the names differ"),
                                ("group", neg, "hard negatives by how the names differ")):
        lines += ["", f"{label}:"]
        for value in sorted({getattr(meta[i], what) for i in chosen}):
            some_rows = [i for i in chosen if getattr(meta[i], what) == value]
            lines.append(f"  {value:<22}" + _caught(result, some_rows))
    lines += ["", "threshold sweep:"]
    lines += [_line(f"  >= {x:.2f}", result.metrics(x)) for x in SWEEP]
    below = f"< {t.match:.2f}"
    sections = [(f"worst false negatives among positives sharing a word ({below})",
                 [i for i in pos if meta[i].shared != "none"], True),
                (f"worst false negatives among positives sharing a distinctive word ({below})",
                 [i for i in pos if meta[i].shared == "distinctive"], True),
                (f"worst false positives (hard negatives scored highest; >= {t.match:.2f})",
                 list(rows), False)]
    for heading, chosen, positive in sections:
        lines += ["", heading + ":"]
        errors = _subset(result, chosen).worst(positives=positive, count=worst)
        for n, (pair, comparison) in enumerate(errors):
            if (comparison.score >= t.match) == positive:
                continue
            lines.append(f"- {pair.name1!r} vs {pair.name2!r}: {comparison.score:.3f} "
                         f"{comparison.decision} [{by_row[pair.row].source}]")
            if n < explain:
                lines += ["    " + x for x in comparison.explanation.text().splitlines()]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Build the pairs, write them if asked, score them and print the report."""
    paths = [Path(p) for p in (args.list or DEFAULT_LISTS)]
    for path in paths:
        if not path.exists():
            raise ConfigurationError("no such list file or folder", path=path,
                                     hint="the official lists live in ../shared/eval/lists; "
                                     "pass others with --list")
    started = time.monotonic()
    watchlists = [load_list(path) for path in paths]
    pairs = build_pairs(watchlists, include_people=args.include_people, limit=args.limit,
                        seed=args.seed)
    built = time.monotonic()
    if args.out:
        write_csv(pairs, Path(args.out))
    labelled = [LabelledPair(n + 2, p.name1, p.name2, p.is_match) for n, p in enumerate(pairs)]
    result = evaluate(labelled)
    scored = time.monotonic()
    who = "organisations and people" if args.include_people else "organisations (not people)"
    print(f"lists: {', '.join(f'{w.id} {w.version}' for w in watchlists)}; {who}")
    for title, keep in (("all", lambda p: True), ("DPRK programmes", lambda p: p.subset == "dprk")):
        chosen = [i for i, p in enumerate(pairs) if keep(p)]
        print()
        print(report(title, _subset(result, chosen), [pairs[i] for i in chosen],
                     worst=args.worst, explain=args.explain))
    print(f"built {len(pairs)} pairs in {built - started:.0f}s, scored in {scored - built:.0f}s",
          file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; library errors print as ``ErrorType: message`` with exit code 2."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--list", action="append", metavar="PATH",
                        help="official list file or folder (repeatable; default: OFAC SDN "
                        "2024-05 and the UN consolidated list in ../shared/eval/lists)")
    parser.add_argument("--out", metavar="FILE.csv", help="write the pairs here")
    parser.add_argument("--limit", type=int, metavar="N", help="sample N entries per list")
    parser.add_argument("--seed", type=int, default=0, help="seed for --limit sampling")
    parser.add_argument("--include-people", action="store_true", help="add people's names")
    parser.add_argument("--worst", type=int, default=10, metavar="N")
    parser.add_argument("--explain", type=int, default=3, metavar="N",
                        help="explain the first N of the worst errors")
    try:
        return run(parser.parse_args(argv))
    except SanctionscreenError as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
