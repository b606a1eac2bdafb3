"""Download the current official list files from their publishers (``sanctionscreen fetch``).

Never used by the tests, which read the files in ``../shared/eval/lists``. The URLs
are the publishers' documented download addresses (checked 2026); if one moves, the
error names it and the publisher page to look on.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from sanctionscreen.errors import InputError


@dataclass(frozen=True)
class Download:
    """One file a publisher offers, and where it is saved."""

    url: str
    file_name: str


# OFAC: "SDN List - Data Formats & Data Schemas"; UN: "United Nations Security Council
# Consolidated List"; UK: "The UK Sanctions List" on gov.uk.
SOURCES: dict[str, tuple[str, tuple[Download, ...]]] = {
    "ofac": (
        "https://ofac.treasury.gov/sanctions-list-service",
        tuple(
            Download(f"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
                     f"exports/{name.upper()}", name)
            for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
        ),
    ),
    "un": (
        "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list",
        (Download("https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                  "un_consolidated.xml"),),
    ),
    "uk": (
        "https://www.gov.uk/government/publications/the-uk-sanctions-list",
        (Download("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv",
                  "UK-Sanctions-List.csv"),),
    ),
}


def fetch(publisher: str, output: str | Path, *, timeout: float = 120.0) -> list[Path]:
    """Download ``publisher``'s files ("ofac", "un", "uk") into ``output``; the paths written."""
    if publisher not in SOURCES:
        raise InputError(f"unknown publisher {publisher!r}",
                         hint=f"choose one of {', '.join(SOURCES)}")
    page, downloads = SOURCES[publisher]
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for download in downloads:
        target = folder / download.file_name
        partial = target.with_name(target.name + ".part")
        request = urllib.request.Request(download.url, headers={"User-Agent": "sanctionscreen"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response, \
                    partial.open("wb") as handle:
                shutil.copyfileobj(response, handle)
        except (urllib.error.URLError, OSError) as error:
            partial.unlink(missing_ok=True)
            raise InputError(f"download of {download.url} failed: {error}",
                             hint=f"check the network, or get the file from {page}") from None
        partial.replace(target)
        written.append(target)
    return written
