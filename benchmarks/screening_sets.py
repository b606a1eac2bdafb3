"""Labelled query sets for ``sanctionscreen evaluate --screen``, built reproducibly.

Writes four CSV files (columns ``set, category, name, country, expected_entity,
expected_list, perturbation, source``; ``expected_entity`` empty: a clean name that
must come back clear) and ``manifest.json`` (seed, sizes, Faker version, lists read):

- ``faker.csv``: company names from Faker, ``--per-locale`` per locale (category: the
  locale). A few Faker locales draw on lists of real companies: a name whose normalised
  words equal those of an organisation name of the lists read or the bundled list (or,
  in another script than Latin, are one letter from them, written together) is a
  positive, perturbation ``faker-real-company``. Where a locale has fewer distinct
  ``company()`` names than asked (zh_CN has 324, zh_TW 400) the rest are a Faker city
  before ``company()``, as Chinese companies are named (source ``city+company``).
- ``suppliers.csv``: synthetic Asian supplier names (``Qingdao Golden Bright Textile Co.,
  Ltd.``; category: the country), and some in Chinese characters and Hangul (category
  ``Hani``, ``Hang``), from the tables in ``screening_names.py``; with their country.
- ``hard_negatives.csv``: real, legitimate companies written by hand
  (``screening_names.HARD_NEGATIVES``), with their country.
- ``listed.csv``: organisation names of the lists read (not people, vessels or
  aircraft), each changed one way (``PERTURBATIONS``), about ``--limit`` rows spread
  evenly over the ways; plus every name of every bundled entity as is and changed once
  (category ``bundled``). Other rows' category is the list's id.

The same seed, sizes, lists and Faker version give byte-identical files. Only the Faker
labels use the library's normalisation; everything else reads the lists and the
tables here. Run from the repository root:
``.venv/bin/python benchmarks/screening_sets.py [--out DIR] [--seed N]``.
See ``docs/quality.md`` (screening evaluation).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screening_names import (
    HANGUL_CITIES,
    HANGUL_INDUSTRIES,
    HANGUL_SHAPES,
    HANGUL_TRADE,
    HANZI_CITIES,
    HANZI_FORMS,
    HANZI_INDUSTRIES,
    HANZI_TRADE,
    HARD_NEGATIVES,
    SUPPLIER_CITIES,
    SUPPLIER_INDUSTRIES,
    SUPPLIER_SHAPES,
    SUPPLIER_SHARE,
    SUPPLIER_TRADE_WORDS,
)
from screening_perturb import PERTURBATIONS, is_latin, perturb

from sanctionscreen import normalise
from sanctionscreen.importers import load_list
from sanctionscreen.watchlist.bundled import bundled_watchlists
from sanctionscreen.watchlist.model import Entity, Watchlist

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "benchmarks" / "out" / "screening"
DEFAULT_LISTS = ("../shared/eval/lists/ofac-sdn-2024-05",
                 "../shared/eval/lists/un/un_consolidated_2026-02-27.xml",
                 "../shared/eval/lists/uk/FCDO_UK_Sanctions_List_2025-08-11.csv")
SEED = 20261122
LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "nl_NL", "pl_PL",
           "ru_RU", "tr_TR", "vi_VN", "zh_CN", "zh_TW", "ko_KR", "ja_JP")
COLUMNS = ("set", "category", "name", "country", "expected_entity", "expected_list",
           "perturbation", "source")
NOT_ORGANISATIONS = frozenset({"person", "vessel", "aircraft"})
LISTED_KINDS = frozenset({"primary", "aka", "fka", "nka"})  # names a perturbation starts from
Listed = dict[tuple[str, ...], tuple[str, str, str]]
"""Normalised words of an organisation name -> (list id, entity id, name as listed)."""
SATURATED = 5_000  # Faker draws in a row without a new name: the locale has no more


@dataclass(frozen=True)
class Row:
    """One labelled query, in ``COLUMNS`` order."""

    set: str
    category: str
    name: str
    country: str = ""
    expected_entity: str = ""
    expected_list: str = ""
    perturbation: str = ""
    source: str = ""


def organisations(watchlist: Watchlist) -> list[Entity]:
    """The entities of a list that are organisations, sorted by id."""
    return sorted((e for e in watchlist.entities if e.type not in NOT_ORGANISATIONS),
                  key=lambda e: e.id)


def _key(name: str) -> tuple[str, ...]:
    return tuple(normalise(name).words)


def organisation_names(watchlists: Iterable[Watchlist]) -> Listed:
    """Normalised words of every organisation name -> (list id, entity id, name); the
    first list and entity (by id) that gives them. A name ending in an acronym in
    brackets gives the acronym too, as the screener reads it."""
    found: Listed = {}
    for watchlist in watchlists:
        for entity in organisations(watchlist):
            for name, _ in entity.names():
                bracketed = _BRACKETED.match(name)
                for part in (name, *(bracketed.groups() if bracketed else ())):
                    key = _key(part)
                    if key:
                        found.setdefault(key, (watchlist.id, entity.id, name))
    return found


_BRACKETED = re.compile(r"^(.+\S)\s*\(([A-Z][A-Z0-9&]{1,7})\)\s*$")
NEAR_FROM = 8  # letters from which a name in another script may be one letter off


def _near_listed(names: list[str], listed: Listed) -> dict[str, tuple[str, str, str]]:
    """Names not in Latin script whose words, written together, are one letter from an
    organisation's (``NEAR_FROM`` letters or more): real companies that Faker's
    Cyrillic lists spell in their own script ("Сургутнефтегаз" / SURGUTNEFTEGAS)."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extractOne

    choices = {"".join(key): hit for key, hit in listed.items()
               if len("".join(key)) >= NEAR_FROM}
    keys = list(choices)
    found = {}
    for name in names:
        if name.isascii():
            continue
        joined = "".join(_key(name))
        if len(joined) < NEAR_FROM:
            continue
        best = extractOne(joined, keys, scorer=Levenshtein.distance, score_cutoff=1)
        if best is not None:
            found[name] = choices[best[0]]
    return found


def _faker_seed(seed: int, locale: str) -> int:
    return int.from_bytes(f"{seed}:{locale}".encode(), "big") % (2**32)


def faker_names(locale: str, count: int, seed: int) -> Iterator[tuple[str, str]]:
    """``count`` distinct company names of a Faker locale, as (name, how made)."""
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(_faker_seed(seed, locale))
    seen: set[str] = set()
    idle = 0
    how = "company"
    while len(seen) < count:
        name = fake.company() if how == "company" else f"{fake.city_name()}{fake.company()}"
        if name in seen:
            idle += 1
            if idle >= SATURATED:
                if how != "company":
                    return
                how, idle = "city+company", 0
            continue
        idle = 0
        seen.add(name)
        yield name, how


def faker_rows(per_locale: int, seed: int,
               listed: Listed) -> list[Row]:
    """``faker.csv``: clean names, and positives where a name is a listed organisation's."""
    import faker

    rows = []
    for locale in LOCALES:
        made = list(faker_names(locale, per_locale, seed))
        near = _near_listed([name for name, _ in made], listed)
        for name, how in made:
            source = f"faker {faker.VERSION} {locale} {how}"
            hit = listed.get(_key(name)) or near.get(name)
            if hit is None:
                rows.append(Row("faker", locale, name, source=source))
            else:
                rows.append(Row("faker", locale, name, "", hit[1], hit[0], "faker-real-company",
                                f"{source}; words of {hit[0]}:{hit[1]} {hit[2]!r}"))
    return rows


def latin_name(rng: random.Random, country: str) -> tuple[str, str]:
    """A supplier name in a country's style: city, one or two trade words, an industry,
    a legal form."""
    trade = " ".join(rng.sample(SUPPLIER_TRADE_WORDS, rng.choice((1, 1, 2))))
    shape = rng.choice(SUPPLIER_SHAPES[country])
    return shape.format(city=rng.choice(SUPPLIER_CITIES[country]), trade=trade,
                        industry=rng.choice(SUPPLIER_INDUSTRIES)), country


def hanzi_name(rng: random.Random, _: str) -> tuple[str, str]:
    """A Chinese-character supplier name shaped like 青岛金光纺织有限公司."""
    return (rng.choice(HANZI_CITIES) + "".join(rng.sample(HANZI_TRADE, 2))
            + rng.choice(HANZI_INDUSTRIES) + rng.choice(HANZI_FORMS)), "CN"


def hangul_name(rng: random.Random, _: str) -> tuple[str, str]:
    """A Hangul supplier name shaped like 주식회사 금강섬유."""
    return rng.choice(HANGUL_SHAPES).format(
        city=rng.choice(HANGUL_CITIES), trade=rng.choice(HANGUL_TRADE),
        industry=rng.choice(HANGUL_INDUSTRIES)), "KR"


def supplier_rows(count: int, script_count: int, seed: int,
                  listed: Listed) -> list[Row]:
    """``suppliers.csv``: ``count`` Latin-script names by country, then ``script_count``
    in Chinese characters (60%) and Hangul. A name that is a listed organisation's is
    drawn again."""
    rows: list[Row] = []
    countries = list(SUPPLIER_SHARE)
    sizes = [round(count * SUPPLIER_SHARE[c]) for c in countries]
    sizes[0] += count - sum(sizes)
    hanzi = round(script_count * 0.6)
    plan: list[tuple[str, int, Callable[[random.Random, str], tuple[str, str]]]] = [
        (c, n, latin_name) for c, n in zip(countries, sizes, strict=True)]
    plan += [("Hani", hanzi, hanzi_name), ("Hang", script_count - hanzi, hangul_name)]
    for category, size, make in plan:
        rng = random.Random(f"{seed}:suppliers:{category}")
        seen: set[str] = set()
        for _ in range(size * 50):
            if len(seen) >= size:
                break
            name, country = make(rng, category)
            if name in seen or _key(name) in listed:
                continue
            seen.add(name)
            rows.append(Row("suppliers", category, name, country, source=f"synthetic {category}"))
    return rows


def hard_negative_rows() -> list[Row]:
    """``hard_negatives.csv``: the hand-written real companies."""
    return [Row("hard_negatives", category, name, country,
                source="hand-written" + (f"; {note}" if note else ""))
            for name, category, country, note in HARD_NEGATIVES]


def _plain(name: str) -> bool:
    """Not one of the few listed names that pack several names into one."""
    return ";" not in name and len(name) <= 120


def _names_to_perturb(entity: Entity) -> list[str]:
    return [n for n, kind in entity.names() if kind in LISTED_KINDS and _plain(n) and is_latin(n)]


def _script_names(entity: Entity) -> list[str]:
    return [n for n, kind in entity.names() if kind != "weak" and _plain(n) and not is_latin(n)]


def listed_rows(watchlists: Sequence[Watchlist], limit: int, seed: int) -> list[Row]:
    """About ``limit`` perturbed organisation names, spread evenly over ``PERTURBATIONS``
    (original-script names: as many as the lists give, up to an even share)."""
    rng = random.Random(f"{seed}:listed")
    pool = [(w.id, e) for w in watchlists for e in organisations(w)]
    rng.shuffle(pool)
    share = {kind: limit // len(PERTURBATIONS) for kind in PERTURBATIONS}
    scripts = sum(1 for _, e in pool if _script_names(e))
    share["original_script"] = min(share["original_script"], scripts)
    rest = limit - sum(share.values())
    others = [k for k in PERTURBATIONS if k != "original_script"]
    for at in range(rest):
        share[others[at % len(others)]] += 1
    made = dict.fromkeys(PERTURBATIONS, 0)
    rows: list[Row] = []
    seen: set[str] = set()
    for list_id, entity in pool:
        needed = sorted((k for k in PERTURBATIONS if made[k] < share[k]),
                        key=lambda k: (made[k] - share[k], PERTURBATIONS.index(k)))
        for kind in needed:
            found = _one(entity, kind, rng)
            if found is not None and found[1].casefold() not in seen:
                original, changed = found
                seen.add(changed.casefold())
                made[kind] += 1
                rows.append(Row("listed", list_id, changed, "", entity.id, list_id, kind,
                                f"{list_id}:{entity.id} {original!r}"))
                break
    return rows


def _one(entity: Entity, kind: str, rng: random.Random) -> tuple[str, str] | None:
    """A name of the entity changed ``kind``'s way, as (original, changed), or ``None``."""
    if kind == "original_script":
        names = _script_names(entity)
        return (names[0], names[0]) if names else None
    names = _names_to_perturb(entity)
    if not names:
        return None
    original = rng.choice(names)
    changed = perturb(original, kind, rng)
    return None if changed is None or changed == original else (original, changed)


def bundled_rows(seed: int) -> list[Row]:
    """Every name of every bundled entity as is, and each changed one way, where one fits."""
    rng = random.Random(f"{seed}:bundled")
    rows: list[Row] = []
    for watchlist in bundled_watchlists():
        for entity in sorted(watchlist.entities, key=lambda e: e.id):
            for name, kind in entity.names():
                source = f"{watchlist.id}:{entity.id} {kind}"
                rows.append(Row("listed", "bundled", name, "", entity.id, watchlist.id, "none",
                                source))
                kinds = [k for k in PERTURBATIONS if k != "original_script"]
                rng.shuffle(kinds)
                for way in kinds:
                    changed = perturb(name, way, rng) if is_latin(name) else None
                    if changed is not None and changed != name:
                        rows.append(Row("listed", "bundled", changed, "", entity.id,
                                        watchlist.id, way, f"{source} {name!r}"))
                        break
    return rows


def write_csv(path: Path, rows: Iterable[Row]) -> int:
    """Write rows with a header; return how many."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(astuple(row))
            count += 1
    return count


def _resolved(path: str) -> Path:
    given = Path(path)
    return given if given.is_absolute() else (REPO / given).resolve()


def build(args: argparse.Namespace) -> dict[str, object]:
    """Write the sets into ``args.out``; return the manifest written beside them."""
    import faker

    watchlists = [load_list(_resolved(p)) for p in args.lists]
    listed = organisation_names([*bundled_watchlists(), *watchlists])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "faker.csv": faker_rows(args.per_locale, args.seed, listed),
        "suppliers.csv": supplier_rows(args.suppliers, args.script_suppliers, args.seed, listed),
        "hard_negatives.csv": hard_negative_rows(),
        "listed.csv": listed_rows(watchlists, args.limit, args.seed) + bundled_rows(args.seed),
    }
    manifest: dict[str, object] = {
        "seed": args.seed, "per_locale": args.per_locale, "suppliers": args.suppliers,
        "script_suppliers": args.script_suppliers, "limit": args.limit,
        "faker": faker.VERSION, "lists": [
            {"path": p, "id": w.id, "entities": len(w.entities), "content_hash": w.content_hash}
            for p, w in zip(args.lists, watchlists, strict=True)],
        "rows": {name: write_csv(out / name, rows) for name, rows in files.items()},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="folder to write (default: "
                        "benchmarks/out/screening, which git ignores)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--lists", nargs="*", default=list(DEFAULT_LISTS), metavar="PATH",
                        help="official list files or folders, relative to the repository root "
                        "(default: OFAC SDN 2024-05, UN 2026-02-27, UK 2025-08-11 in ../shared)")
    parser.add_argument("--per-locale", type=int, default=500, help="Faker names per locale")
    parser.add_argument("--suppliers", type=int, default=4000,
                        help="Latin-script synthetic supplier names")
    parser.add_argument("--script-suppliers", type=int, default=500,
                        help="supplier names in Chinese characters and Hangul")
    parser.add_argument("--limit", type=int, default=3000,
                        help="perturbed official-list names (the bundled ones come on top)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    manifest = build(args)
    rows = manifest["rows"]
    assert isinstance(rows, dict)
    print(", ".join(f"{name}: {count:,} rows" for name, count in rows.items()),
          f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
