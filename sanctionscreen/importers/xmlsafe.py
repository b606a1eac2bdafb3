"""Parse list XML with the standard library, refusing DTDs and entity declarations.

Sanctions list XML never needs a DOCTYPE; refusing one up front rules out entity
expansion ("billion laughs") and external entities without another dependency.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from sanctionscreen.errors import ListFormatError

_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def parse_xml(data: bytes, path: Path, *, root: str, what: str) -> ET.Element:
    """The root element of ``data``, which must be ``<root>``; else :class:`ListFormatError`.

    ``what`` names the format in the error ("OFAC's SDN XML").
    """
    element = _parse(data, path)
    if local(element.tag) != root:
        raise ListFormatError(f"root element is <{local(element.tag)}>, not <{root}>", path=path,
                              hint=f"this is not {what}")
    return element


def _parse(data: bytes, path: Path) -> ET.Element:
    if _DTD.search(data):
        raise ListFormatError(
            "the XML declares a DOCTYPE or entities, which official lists never do",
            path=path, hint="use the file as downloaded from the publisher",
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        line = error.position[0] if error.position else None
        raise ListFormatError(
            f"XML is malformed: {str(error).partition(': line')[0]}",
            path=path, line=line, hint="the file may be truncated; download it again",
        ) from None


def local(tag: str) -> str:
    """A tag without its ``{namespace}``."""
    return tag.rpartition("}")[2]


def text(element: ET.Element | None, child: str) -> str | None:
    """The stripped text of ``element``'s first child named ``child`` (any namespace)."""
    if element is None:
        return None
    for item in element:
        if local(item.tag) == child:
            value = (item.text or "").strip()
            return value or None
    return None


def children(element: ET.Element | None, name: str) -> list[ET.Element]:
    """``element``'s children named ``name`` (any namespace)."""
    if element is None:
        return []
    return [item for item in element if local(item.tag) == name]
