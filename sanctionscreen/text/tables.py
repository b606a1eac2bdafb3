"""The reference tables behind normalisation, read once from YAML package data.

Each table lives in ``sanctionscreen/data/<name>.yaml`` with a header comment that
documents its fields and sources. They are loaded lazily on first use, validated
into pydantic models, and cached for the life of the process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from sanctionscreen.errors import ConfigurationError


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


T = TypeVar("T", bound=_Table)


class LegalFormGroup(_Table):
    group: str
    forms: list[str]


class LegalForms(_Table):
    limited: LegalFormGroup
    joint_stock: LegalFormGroup
    corporation: LegalFormGroup
    native: LegalFormGroup
    bracketed: dict[str, str]
    end_only: list[str]
    native_groups: dict[str, str]

    def latin_groups(self) -> dict[str, str]:
        """Latin form (space-separated words) -> group."""
        table: dict[str, str] = {}
        for entry in (self.limited, self.joint_stock, self.corporation):
            for form in entry.forms:
                table[" ".join(form.split())] = entry.group
        return table


class CommonWords(_Table):
    weights: dict[str, float]
    stopwords: list[str]
    classes: dict[str, list[str]]


class Numbers(_Table):
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    ordinals: dict[str, int]
    roman: bool


class Romanisation(_Table):
    min_length: int
    similarity: float
    rules: list[tuple[str, str]]


class Confusables(_Table):
    cyrillic: dict[str, str]
    greek: dict[str, str]


def _load(name: str) -> Any:
    path = resources.files("sanctionscreen") / "data" / f"{name}.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"cannot read table: {error}", path=str(path),
                                 hint="reinstall sanctionscreen") from None


def _validated(model: type[T], name: str) -> T:
    try:
        return model.model_validate(_load(name))
    except ValidationError as error:
        raise ConfigurationError(f"table does not validate: {error}",
                                 path=f"sanctionscreen/data/{name}.yaml") from None


@cache
def legal_forms() -> LegalForms:
    """Legal forms by group (``legal_forms.yaml``)."""
    return _validated(LegalForms, "legal_forms")


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation -> full word (``abbreviations.yaml``)."""
    data = _load("abbreviations")
    return {str(key): str(value) for key, value in data.items()}


@cache
def synonyms() -> dict[str, str]:
    """Variant word or phrase -> canonical word (``synonyms.yaml``)."""
    data = _load("synonyms")
    table: dict[str, str] = {}
    for canonical, variants in data.items():
        for variant in variants:
            table[str(variant)] = str(canonical)
    return table


@cache
def common_words() -> CommonWords:
    """Word classes and weights (``common_words.yaml``)."""
    return _validated(CommonWords, "common_words")


@cache
def numbers() -> Numbers:
    """Number words (``numbers.yaml``)."""
    return _validated(Numbers, "numbers")


@cache
def romanisation() -> Romanisation:
    """Romanisation folding rules (``romanisation.yaml``)."""
    return _validated(Romanisation, "romanisation")


@cache
def confusables() -> dict[str, str]:
    """Look-alike letter -> Latin letter (``confusables.yaml``)."""
    table = _validated(Confusables, "confusables")
    return {**table.cyrillic, **table.greek}


class SyllableSystem(_Table):
    initials: list[str]
    vowels: list[str]
    finals: list[str]


class Syllables(_Table):
    korean: SyllableSystem
    chinese: SyllableSystem


@cache
def syllables() -> Syllables:
    """The syllables of romanised Korean and Chinese (``syllables.yaml``)."""
    return _validated(Syllables, "syllables")
