"""Types of the optional C score bound and aligned score (``_cbound.c``, ``_calign.h``)."""

from collections.abc import Sequence

from typing_extensions import Buffer

class Table:
    def __init__(self, words: list[str], keys: list[str], weights: Buffer, offsets: Buffer,
                 ids: Buffer, rules: list[tuple[str, str]],
                 constants: tuple[float, ...], kinds: Buffer | None = None) -> None: ...
    def bounds(self, words: list[str], weights: list[float],
               numbers: Sequence[int]) -> list[float]: ...
    def survivors(self, words: list[str], weights: list[float], numbers: Sequence[int],
                  floor: float) -> list[int]: ...
    def aligned(self, words: list[str], weights: list[float], kinds: Buffer,
                numbers: Sequence[int]) -> list[float]: ...
    def alignments(self, words: list[str], weights: list[float], kinds: Buffer,
                   numbers: Sequence[int]) -> list[tuple[list[tuple[int, int]],
                                                         list[tuple[int, int]],
                                                         list[tuple[int, int, float]]]]: ...
    def scored(self, words: list[str], weights: list[float], kinds: Buffer,
               numbers: Sequence[int], floor: float,
               ) -> list[tuple[float, tuple[list[tuple[int, int]], list[tuple[int, int]],
                                            list[tuple[int, int, float]]] | None]]: ...

def word_similarity(table: Table, a: str, b: str) -> float: ...
def edit_distances(a: str, b: str) -> tuple[int, int | None]: ...
