"""Screening settings: thresholds and options, with a stable fingerprint for audit.

The default thresholds were chosen from the evaluation in ``docs/quality.md``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sanctionscreen.errors import ConfigurationError
from sanctionscreen.results import Decision
from sanctionscreen.watchlist.model import EntityType

DEFAULT_MATCH = 0.82
DEFAULT_REVIEW = 0.70


class Thresholds(BaseModel):
    """Scores at or above ``match`` are matches; at or above ``review``, for review.

    Each is a number from 0 to 1 (strings and booleans are refused), ``review`` not
    above ``match``; anything else is a :class:`ConfigurationError` saying which.

    >>> Thresholds(match="0.9")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sanctionscreen.errors.ConfigurationError: match threshold '0.9' is not a number; ...
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    match: float = Field(DEFAULT_MATCH, ge=0.0, le=1.0)
    review: float = Field(DEFAULT_REVIEW, ge=0.0, le=1.0)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            raise ConfigurationError(_threshold_problem(error)) from None

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.review > self.match:
            raise ValueError(
                f"review threshold {self.review} is above match threshold {self.match}; "
                "review must be the lower one"
            )
        return self

    def decide(self, score: float) -> tuple[Decision, str]:
        """The decision for a score, and the sentence that says which threshold made it."""
        if score >= self.match:
            return "match", f"score {score:.3f} >= match threshold {self.match:.3f}"
        if score >= self.review:
            return "review", (
                f"score {score:.3f} >= review threshold {self.review:.3f} "
                f"and < match threshold {self.match:.3f}"
            )
        return "clear", f"score {score:.3f} < review threshold {self.review:.3f}"


def _threshold_problem(error: ValidationError) -> str:
    item = error.errors()[0]
    field = str(item["loc"][0]) if item["loc"] else ""
    value = item.get("input")
    if item["type"] == "extra_forbidden":
        return f"unknown threshold {field!r}; the thresholds are 'match' and 'review'"
    if item["type"] in ("float_type", "float_parsing"):
        return f"{field} threshold {value!r} is not a number; give a number from 0 to 1"
    if field in ("match", "review"):
        return f"{field} threshold {value!r} is out of range; give a number from 0 to 1"
    return str(item["msg"]).removeprefix("Value error, ")


class Settings(BaseModel):
    """Everything besides the lists that decides a screening result."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    thresholds: Thresholds = Field(default_factory=Thresholds)
    max_hits: int = Field(10, ge=1, le=1000)
    max_name_length: int = Field(500, ge=10, le=100_000)
    use_country: bool = True  # a country given with the name adjusts the score (see docs)
    # Screen only against entities of these types (``None``: all), e.g. ("company",
    # "organization", "government_body") for a supplier file.
    entity_types: tuple[EntityType, ...] | None = None

    def fingerprint(self) -> str:
        """``sha256:<hex>`` of the settings, recorded in every result."""
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True).encode()
        return "sha256:" + hashlib.sha256(blob).hexdigest()
