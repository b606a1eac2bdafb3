"""Find the text encoding of a supplier file and open it as a text stream.

Exports from ERPs and from Chinese, Korean and Japanese counterparties come in
UTF-8 (with or without a byte-order mark), UTF-16 (with a mark), cp1252,
GB18030, CP949 / EUC-KR and Shift-JIS. A byte-order mark decides; otherwise
UTF-8 wins whenever most of the leading sample's non-ASCII bytes are valid UTF-8
(one cp1252 byte pasted into a UTF-8 file leaves the file UTF-8, and only that row
is an error), and only then is ``charset-normalizer`` asked to choose among the
legacy encodings above, as its documentation advises: ``from_bytes(...).best()``
over a restricted set of code pages. Where it finds several readings equally
clean (short East Asian files read in GB18030 and CP949 alike), the reading that
does not switch script inside a word wins (``大连天宝物流``, not ``댕젯莖괜膠직``),
and the guess is reported as made with low confidence (:class:`Detection`).

Bytes that are not valid in the chosen encoding are kept as lone surrogates
(the ``surrogateescape`` error handler) so the reader can report the row they
are on (see ``rows.name_problem``) instead of failing the whole file.
"""

from __future__ import annotations

import codecs
import io
import itertools
import unicodedata
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Detection:
    """The encoding chosen for a file, and why it may be wrong (None when confident)."""

    encoding: str
    doubt: str | None = None


def _mostly_utf8(sample: bytes, *, complete: bool) -> bool:
    """Whether most non-ASCII bytes of ``sample`` form valid UTF-8 characters."""
    if not complete:
        # A sample cut from a longer file may end in the middle of a character.
        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        text = decoder.decode(sample, final=False)
    else:
        text = sample.decode("utf-8", "surrogateescape")
    invalid = valid = 0
    for char in text:
        if "\udc80" <= char <= "\udcff":
            invalid += 1
        elif char >= "\x80":
            valid += len(char.encode("utf-8"))
    return valid > invalid or invalid == 0


def _script(char: str) -> str:
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    for script in ("HANGUL", "CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH"):
        if name.startswith(script) or script in name:
            return script
    return "LATIN" if char < "\u0250" else "OTHER"


def _script_switches(text: str) -> int:
    """How often the script changes between two letters next to each other."""
    scripts = [_script(char) for char in text]
    return sum(1 for a, b in itertools.pairwise(scripts) if a and b and a != b)


def detect(sample: bytes, *, complete: bool = False) -> Detection:
    """The encoding of a file from its leading bytes, with a doubt when the guess is weak.

    ``complete`` says the sample is the whole file (so it may not end mid-character).

    >>> detect("大连天宝物流".encode("gb18030"), complete=True).encoding
    'gb18030'
    """
    if not isinstance(sample, (bytes, bytearray)):
        raise InputError(f"expected bytes to detect an encoding, got {type(sample).__name__}")
    sample = bytes(sample)
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return Detection(name)
    if _mostly_utf8(sample, complete=complete):
        return Detection("utf-8")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample, cp_isolation=list(CANDIDATES)))
    if not matches:
        # Every byte decodes in cp1252 except five; the reader reports those rows.
        return Detection("cp1252", "no encoding tried reads the file cleanly")
    cleanest = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= cleanest + 0.01]
    tied.sort(key=lambda match: _script_switches(str(match)))
    chosen = _SUPERSET.get(tied[0].encoding, tied[0].encoding)
    others = sorted({_SUPERSET.get(m.encoding, m.encoding) for m in tied[1:]} - {chosen})
    if others:
        return Detection(chosen, f"the file reads as cleanly in {', '.join(others)}")
    return Detection(chosen)


def detect_encoding(sample: bytes, *, complete: bool = False) -> str:
    """The encoding of a file, from its leading bytes (:func:`detect` without the doubt).

    >>> detect_encoding("조선신흥무역회사".encode("utf-8"))
    'utf-8'
    >>> detect_encoding(codecs.BOM_UTF16_LE + "a,b".encode("utf-16-le"))
    'utf-16'
    """
    return detect(sample, complete=complete).encoding


def text_stream(binary: BinaryIO, *, encoding: str | None = None,
                doubts: list[str] | None = None) -> tuple[io.TextIOWrapper, str]:
    """A text stream over a seekable binary stream, and the encoding used.

    The stream keeps line endings as they are (``newline=""``), as :mod:`csv` needs,
    and turns undecodable bytes into lone surrogates for the reader to report. A
    detection made with low confidence adds a sentence naming the encoding chosen
    to ``doubts``.
    """
    if encoding is None:
        start = binary.tell()
        sample = binary.read(SAMPLE_BYTES)
        complete = len(sample) < SAMPLE_BYTES
        binary.seek(start)
        found = detect(sample, complete=complete)
        encoding = found.encoding
        if found.doubt and doubts is not None:
            doubts.append(f"encoding detected as {encoding} with low confidence ({found.doubt}); "
                          "give --encoding if names look wrong")
    else:
        encoding = check_encoding(encoding)
        start = binary.tell()
        sample = binary.read(SAMPLE_BYTES)
        binary.seek(start)
        if encoding == "utf-8" and sample.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        try:
            codecs.getincrementaldecoder(encoding)("surrogateescape").decode(sample)
        except UnicodeError as error:
            raise InputError(
                f"the input cannot be read as {encoding}: {error}",
                hint="utf-16 and utf-32 need a byte-order mark, else name the byte order "
                "(utf-16-le, utf-16-be); or leave --encoding out to detect it",
            ) from None
    stream = io.TextIOWrapper(
        binary,
        encoding=encoding,
        errors="surrogateescape",
        newline="",
    )
    return stream, encoding
