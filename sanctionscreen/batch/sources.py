"""Open a supplier file or standard input as a seekable byte stream, hash it, guess its format.

Standard input is copied to a spooled temporary file (memory up to 16 MiB, then
disk) so that every input can be hashed for the audit header before the first
result is written, and read again from the start.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Literal, cast

from sanctionscreen.errors import InputError

InputFormat = Literal["csv", "xlsx", "jsonl", "text"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("csv", "xlsx", "jsonl", "text")

_SUFFIXES: dict[str, InputFormat] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".lst": "text",
}
_CHUNK = 1024 * 1024
_SPOOL_MAX = 16 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Source:
    """An input opened for reading: its bytes, display name, size and sha256."""

    name: str
    stream: BinaryIO
    sha256: str
    size: int
    path: Path | None

    def close(self) -> None:
        """Close the underlying stream."""
        self.stream.close()


def _hash_stream(stream: BinaryIO, copy_to: IO[bytes] | None = None) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if copy_to is not None:
            copy_to.write(chunk)
    return "sha256:" + digest.hexdigest(), size


def open_source(source: str | Path, *, stdin: BinaryIO | None = None) -> Source:
    """Open a path, or ``-`` for standard input; :class:`InputError` if it cannot be read."""
    if not isinstance(source, (str, Path)):
        raise InputError(
            f"the input must be a file path or '-', not {type(source).__name__}",
            hint="pass the path of a CSV, XLSX, JSON lines or text file",
        )
    if str(source) == "-":
        incoming = stdin if stdin is not None else sys.stdin.buffer
        # The spool outlives this function: Source.close() closes it.
        spool = cast(BinaryIO, tempfile.SpooledTemporaryFile(max_size=_SPOOL_MAX))  # noqa: SIM115
        sha, size = _hash_stream(incoming, copy_to=spool)
        spool.seek(0)
        return Source(name="-", stream=spool, sha256=sha, size=size, path=None)
    path = Path(source)
    if "\x00" in str(path):
        raise InputError("the input path holds a NUL character", path=repr(str(path)))
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("this is a folder, not a file", path=path) from None
    except (OSError, UnicodeError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"cannot open the file: {reason}", path=repr(str(path))[:200]) from None
    try:
        sha, size = _hash_stream(cast(BinaryIO, stream))
        stream.seek(0)
    except OSError as error:
        stream.close()
        raise InputError(f"cannot read the file: {error.strerror}", path=path) from None
    return Source(name=str(source), stream=cast(BinaryIO, stream), sha256=sha, size=size, path=path)


def guess_format(source: Source) -> InputFormat:
    """The input format from the file name, else from the first bytes.

    Without a telling suffix: a ZIP file is XLSX, a first line starting with
    ``{`` is JSON lines, a first line holding a comma, semicolon, tab or ``|``
    is CSV, anything else is one name per line.
    """
    if source.path is not None:
        known = _SUFFIXES.get(source.path.suffix.lower())
        if known is not None:
            return known
    start = source.stream.tell()
    head = source.stream.read(4096)
    source.stream.seek(start)
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    first = head.replace(b"\x00", b"").lstrip().split(b"\n", 1)[0]
    if first.startswith((b"{", b"[")):
        return "jsonl"
    if any(sep in first for sep in (b",", b";", b"\t", b"|")):
        return "csv"
    return "text"


def check_format(value: str | None) -> InputFormat | None:
    """``value`` as an input format; :class:`InputError` if it is not one."""
    if value is None:
        return None
    if value not in INPUT_FORMATS:
        raise InputError(
            f"unknown input format {value!r}", hint="use one of " + ", ".join(INPUT_FORMATS)
        )
    return value
