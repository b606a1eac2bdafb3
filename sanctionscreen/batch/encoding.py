"""Find the text encoding of a supplier file and open it as a text stream.

Exports from ERPs and from Chinese, Korean and Japanese counterparties come in
UTF-8 (with or without a byte-order mark), UTF-16 (with a mark), cp1252,
GB18030, CP949 / EUC-KR and Shift-JIS. A byte-order mark decides; otherwise
UTF-8 wins whenever the leading sample decodes as UTF-8, and only then is
``charset-normalizer`` asked to choose among the legacy encodings above.

Bytes that are not valid in the chosen encoding are kept as lone surrogates
(the ``surrogateescape`` error handler) so the reader can report the row they
are on (see ``rows.name_problem``) instead of failing the whole file.
"""

from __future__ import annotations

import codecs
import io
from typing import BinaryIO

from sanctionscreen.errors import InputError

SAMPLE_BYTES = 64 * 1024

# The legacy encodings charset-normalizer may choose from; Python codec names.
CANDIDATES = ("cp1252", "gb18030", "cp949", "shift_jis", "cp932", "euc_kr", "big5")

# Supersets that read every byte their subset reads, and what Windows exports use.
_SUPERSET = {"euc_kr": "cp949", "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_encoding(name: str) -> str:
    """The Python codec name for ``name``; :class:`InputError` if Python has no such codec."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise InputError(
            f"unknown encoding {name!r}",
            hint="use a Python codec name such as utf-8, cp1252, gb18030, cp949 or shift_jis",
        ) from None
    return info.name


def _decodes_as_utf8(sample: bytes, *, complete: bool) -> bool:
    # A sample cut from a longer file may end in the middle of a character.
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(sample: bytes, *, complete: bool = False) -> str:
    """The encoding of a file, from its leading bytes.

    ``complete`` says the sample is the whole file (so it may not end mid-character).

    >>> detect_encoding("조선신흥무역회사".encode("utf-8"))
    'utf-8'
    >>> detect_encoding(codecs.BOM_UTF16_LE + "a,b".encode("utf-16-le"))
    'utf-16'
    """
    if not isinstance(sample, (bytes, bytearray)):
        raise InputError(f"expected bytes to detect an encoding, got {type(sample).__name__}")
    sample = bytes(sample)
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if _decodes_as_utf8(sample, complete=complete):
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(CANDIDATES)).best()
    if best is None:
        # Every byte decodes in cp1252 except five; the reader reports those rows.
        return "cp1252"
    return _SUPERSET.get(best.encoding, best.encoding)


def text_stream(binary: BinaryIO, *, encoding: str | None = None) -> tuple[io.TextIOWrapper, str]:
    """A text stream over a seekable binary stream, and the encoding used.

    The stream keeps line endings as they are (``newline=""``), as :mod:`csv` needs,
    and turns undecodable bytes into lone surrogates for the reader to report.
    """
    if encoding is None:
        start = binary.tell()
        sample = binary.read(SAMPLE_BYTES)
        complete = len(sample) < SAMPLE_BYTES
        binary.seek(start)
        encoding = detect_encoding(sample, complete=complete)
    else:
        encoding = check_encoding(encoding)
        if encoding == "utf-8":
            start = binary.tell()
            if binary.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8:
                encoding = "utf-8-sig"
            binary.seek(start)
    stream = io.TextIOWrapper(
        binary,
        encoding=encoding,
        errors="surrogateescape",
        newline="",
    )
    return stream, encoding
