"""What a screener keeps of names it has seen, for names seen again (supplier files
repeat themselves): bounded, and emptied when full (a batch refills them fast)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sanctionscreen.results import NormalisedName

if TYPE_CHECKING:
    from sanctionscreen.screening.hits import Explained
    from sanctionscreen.screening.search import Found

RESULT_CACHE = 20_000  # entries kept in each cache


@dataclass
class Caches:
    """The search's findings by (name, country), their explanations by (findings,
    country), and the listed names' normalisations by number."""

    searches: dict[tuple[str, str | None], Found] = field(default_factory=dict)
    explanations: dict[tuple[Found, str | None], Explained] = field(default_factory=dict)
    listed: dict[int, NormalisedName] = field(default_factory=dict)

    def clear(self) -> None:
        """Forget everything kept."""
        self.searches.clear()
        self.explanations.clear()
        self.listed.clear()

    def sizes(self) -> dict[str, int]:
        """How many entries each cache holds."""
        return {"searches": len(self.searches), "explanations": len(self.explanations),
                "listed_names": len(self.listed)}


def remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    """Keep ``value`` in a bounded cache: full, it starts again."""
    if len(cache) >= RESULT_CACHE:
        cache.clear()
    cache[key] = value
