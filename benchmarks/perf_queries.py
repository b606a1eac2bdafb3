"""Reproducible supplier names for the performance benchmark, and a large synthetic list.

Queries are mostly clean company names that no list holds, built from realistic
parts (coined brand words, surnames, places, trade words, legal forms), plus
listed names changed the ways supplier files change them: typos, abbreviations,
another legal form, word order, romanisation variants, look-alike Cyrillic
letters and zero-width characters. Everything comes from one seeded generator.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

SEED = 20260522
SYLLABLES = ("ar", "bel", "cor", "dan", "el", "fin", "gal", "hel", "ion", "jor", "kel", "lum",
             "mar", "nor", "or", "pra", "quin", "ros", "sol", "tor", "ul", "ven", "wes", "xan",
             "yor", "zen", "tek", "vo", "ra", "li", "na", "tis", "mex", "dra", "sy", "ka")
SURNAMES = ("Schmidt", "Nguyen", "Okafor", "Haddad", "Kowalski", "Moreau", "Tanaka", "Silva",
            "Petrov", "Jensen", "Rossi", "Fischer", "Garcia", "Novak", "Larsen", "Yilmaz",
            "Dubois", "Kumar", "Wong", "Andersson", "Costa", "Meyer", "Walsh", "Ibrahim")
PLACES = ("Nordic", "Atlantic", "Pacific", "Alpine", "Baltic", "Danube", "Rhine", "Andes",
          "Sahara", "Iberia", "Bavaria", "Flanders", "Tuscany", "Yorkshire", "Ontario",
          "Shenzhen", "Gujarat", "Anatolia", "Patagonia", "Saxony", "Bengal", "Java")
TRADES = ("Logistics", "Trading", "Textiles", "Apparel", "Garments", "Electronics", "Foods",
          "Packaging", "Chemicals", "Metals", "Plastics", "Machinery", "Components", "Fisheries",
          "Seafood", "Shipping", "Freight", "Engineering", "Solutions", "Supply", "Industries",
          "Manufacturing", "Imports", "Exports", "Holdings", "Ventures", "Systems", "Tools")
EXTRAS = ("International", "Global", "Group", "Partners", "Brothers", "and Sons", "Worldwide")
FORMS = ("Ltd", "Limited", "LLC", "Inc.", "GmbH", "S.A.", "S.r.l.", "B.V.", "Co., Ltd.", "AG",
         "Pte. Ltd.", "Sp. z o.o.", "A/S", "Corp.", "PLC", "")
ABBREVIATIONS = {"international": "Intl", "trading": "Trdg", "company": "Co",
                 "corporation": "Corp", "limited": "Ltd", "industrial": "Indl",
                 "development": "Dev", "technology": "Tech", "import": "Imp"}
ROMANISATION = (("eo", "o"), ("eu", "u"), ("sh", "s"), ("ch", "j"), ("k", "g"), ("p", "b"),
                ("ou", "u"), ("y", "i"))
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "A": "А", "E": "Е",
            "O": "О", "P": "Р", "C": "С", "K": "К", "M": "М", "T": "Т", "H": "Н", "B": "В"}
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


def coined(rng: random.Random) -> str:
    """A brand word such as ``Norvatek`` from two or three syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def clean_name(rng: random.Random) -> str:
    """A realistic company name that is not on any list."""
    shape = rng.random()
    if shape < 0.35:
        words = [coined(rng), rng.choice(TRADES)]
    elif shape < 0.55:
        words = [rng.choice(SURNAMES), rng.choice(TRADES)]
    elif shape < 0.75:
        words = [rng.choice(PLACES), coined(rng), rng.choice(TRADES)]
    elif shape < 0.9:
        words = [coined(rng), rng.choice(EXTRAS), rng.choice(TRADES)]
    else:
        words = [rng.choice(SURNAMES), "&", rng.choice(SURNAMES), rng.choice(TRADES)]
    form = rng.choice(FORMS)
    return " ".join(words + ([form] if form else []))


def _typo(rng: random.Random, name: str) -> str:
    for _ in range(rng.choice((1, 1, 2))):
        letters = [i for i, c in enumerate(name) if c.isalpha()]
        if not letters:
            break
        i = rng.choice(letters)
        kind = rng.randrange(4)
        if kind == 0:
            name = name[:i] + name[i + 1 :]
        elif kind == 1:
            name = name[:i] + rng.choice("aeinorst") + name[i:]
        elif kind == 2:
            name = name[:i] + rng.choice("aeinorst") + name[i + 1 :]
        elif i + 1 < len(name):
            name = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name


def _abbreviate(rng: random.Random, name: str) -> str:
    words = [ABBREVIATIONS.get(w.lower().strip(".,"), w) for w in name.split()]
    return " ".join(words)


def _legal_form(rng: random.Random, name: str) -> str:
    return f"{name} {rng.choice([f for f in FORMS if f])}"


def _word_order(rng: random.Random, name: str) -> str:
    words = name.split()
    if len(words) > 1:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _romanise(rng: random.Random, name: str) -> str:
    old, new = rng.choice([r for r in ROMANISATION if r[0] in name.lower()] or [("", "")])
    if not old:
        return name
    at = name.lower().find(old)
    return name[:at] + new + name[at + len(old) :]


def _lookalike(rng: random.Random, name: str) -> str:
    spots = [i for i, c in enumerate(name) if c in CYRILLIC]
    for i in rng.sample(spots, min(len(spots), rng.choice((1, 2)))):
        name = name[:i] + CYRILLIC[name[i]] + name[i + 1 :]
    return name


def _zero_width(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, max(2, len(name)))
    return name[:i] + rng.choice(ZERO_WIDTH) + name[i:]


PERTURBATIONS = (_typo, _abbreviate, _legal_form, _word_order, _romanise, _lookalike,
                 _zero_width)


def queries(listed: Sequence[str], count: int, *, listed_share: float = 0.2,
            seed: int = SEED) -> list[str]:
    """``count`` supplier names: clean unlisted names and perturbed ``listed`` names."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        if listed and rng.random() < listed_share:
            name = rng.choice(listed)
            out.append(rng.choice(PERTURBATIONS)(rng, name))
        else:
            out.append(clean_name(rng))
    return out


def synthetic_names(count: int, *, seed: int = SEED + 1) -> list[str]:
    """``count`` distinct company names for a large synthetic list."""
    rng = random.Random(seed)
    seen: set[str] = set()
    while len(seen) < count:
        seen.add(clean_name(rng))
    return sorted(seen)
