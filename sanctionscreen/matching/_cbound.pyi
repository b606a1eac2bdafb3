"""Types of the optional C score bound (``_cbound.c``)."""

from collections.abc import Sequence

from typing_extensions import Buffer

class Table:
    def __init__(self, words: list[str], keys: list[str], weights: Buffer, offsets: Buffer,
                 ids: Buffer, rules: list[tuple[str, str]],
                 constants: tuple[float, ...]) -> None: ...
    def bounds(self, words: list[str], weights: list[float],
               numbers: Sequence[int]) -> list[float]: ...
    def survivors(self, words: list[str], weights: list[float], numbers: Sequence[int],
                  floor: float) -> list[int]: ...

def word_similarity(table: Table, a: str, b: str) -> float: ...
