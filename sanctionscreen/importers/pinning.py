"""Pin the lists a pipeline screens against: known hashes, a minimum size.

``check`` and ``screen`` take ``--expect-hash HASH`` (repeatable) and
``--min-entities N``; :func:`check_pins` checks the loaded lists against them before
any name is screened, so a swapped, shrunken or empty list stops the run instead of
clearing every name.
"""

from __future__ import annotations

from collections.abc import Sequence

from sanctionscreen.errors import WatchlistError
from sanctionscreen.watchlist.model import Watchlist


def check_pins(watchlists: Sequence[Watchlist], *, expect_hashes: Sequence[str] = (),
               min_entities: int | None = None) -> None:
    """Raise :class:`WatchlistError` unless the lists are the ones pinned.

    With ``expect_hashes``, every list must have its content hash or source hash
    among them, and every hash given must belong to a list. ``min_entities`` applies
    to each list read from a path (the bundled lists are small by design).
    """
    if expect_hashes:
        expected = {value.strip().lower() for value in expect_hashes}
        expected = {value if ":" in value else f"sha256:{value}" for value in expected}
        found: set[str] = set()
        for watchlist in watchlists:
            hashes = {watchlist.content_hash, watchlist.source_hash} - {None}
            if not hashes & expected:
                raise WatchlistError(
                    f"list {watchlist.id!r} has content hash {watchlist.content_hash}"
                    + (f" and source hash {watchlist.source_hash}" if watchlist.source_hash
                       else "")
                    + ", neither of them expected",
                    path=watchlist.source,
                    hint="the list changed since it was pinned: check it ('sanctionscreen "
                    "lists' shows its hashes) and update --expect-hash")
            found |= {str(value) for value in hashes}
        missing = sorted(expected - found)
        if missing:
            raise WatchlistError(
                f"no list in use has the expected hash {', '.join(missing)}",
                hint="a pinned list is missing from --list, or it changed; "
                "'sanctionscreen lists' shows the hashes of the lists in use")
    if min_entities is not None:
        for watchlist in watchlists:
            if (watchlist.source or "").startswith("bundled/"):
                continue
            if len(watchlist.entities) < min_entities:
                raise WatchlistError(
                    f"list {watchlist.id!r} holds {len(watchlist.entities):,} entities, "
                    f"fewer than --min-entities {min_entities:,}",
                    path=watchlist.source,
                    hint="the file may be cut short or the wrong one; download it again")
