"""Where a report goes: a file written whole or not at all, standard output, or a stream.

A file output is written to a temporary file of its own beside the target
(``.<name>.<random>.part``) and renamed over the target when the run completes,
so an interrupted run never leaves a report that looks complete, and two runs
writing the same path never mix their rows: the one that finishes last wins,
whole. A symlink is written through (its target is replaced, the link stays); a
device or pipe (``/dev/null``, a FIFO) is written to directly. A folder, a
missing folder or an unwritable place is an :class:`InputError` before any row
is read.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sanctionscreen.errors import InputError


@dataclass
class Output:
    """An open report: the stream, and for a file the temporary file behind it."""

    stream: TextIO
    part: Path | None = None
    target: Path | None = None
    stdout: bool = False

    def commit(self) -> None:
        """Finish the report: rename the temporary file over the target."""
        if self.part is not None and self.target is not None:
            self.stream.close()
            try:
                os.replace(self.part, self.target)
            except OSError as error:
                self.part.unlink(missing_ok=True)
                raise InputError(f"cannot write the output: {error.strerror}",
                                 path=self.target) from None
        elif self.stdout and isinstance(self.stream, io.TextIOWrapper):
            self.stream.flush()
            self.stream.detach()

    def discard(self) -> None:
        """Drop an unfinished report (the temporary file is removed); standard output is
        left open for whoever else writes to it."""
        if self.part is not None:
            self.stream.close()
            self.part.unlink(missing_ok=True)
        elif self.stdout and isinstance(self.stream, io.TextIOWrapper):
            with contextlib.suppress(OSError, ValueError):  # a broken pipe, say
                self.stream.detach()


def target_of(output: str | Path, input_path: Path | None = None) -> Path:
    """The real file a path output is written to; :class:`InputError` if it cannot be one."""
    given = Path(output)
    target = Path(os.path.realpath(given))
    if target.is_dir():
        raise InputError("the output is a folder", path=given,
                         hint="give a file name, e.g. --output results.csv")
    if input_path is not None and target.exists() and target == input_path.resolve():
        raise InputError("the output would overwrite the input file", path=given,
                         hint="choose another --output")
    if not target.parent.is_dir():
        raise InputError("the output's folder does not exist", path=given,
                         hint=f"create {str(target.parent)!r} first")
    if not target.exists() and not os.access(target.parent, os.W_OK):
        raise InputError("cannot write the output: the folder is not writable", path=given)
    if target.exists() and not os.access(target, os.W_OK):
        raise InputError("cannot write the output: the file is not writable", path=given)
    return target


def open_output(output: str | Path | TextIO, input_path: Path | None = None) -> Output:
    """Open ``output`` (a path, ``-`` for standard output, or a text stream) for a report."""
    if not isinstance(output, (str, Path)):
        return Output(output)
    if str(output) == "-":
        return Output(io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=""),
                      stdout=True)
    target = target_of(output, input_path)
    try:
        if target.exists() and not target.is_file():
            return Output(target.open("w", encoding="utf-8", newline=""))
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                        suffix=".part")
        os.fchmod(handle, mode)
        stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
    except OSError as error:
        raise InputError(f"cannot write the output: {error.strerror}", path=output) from None
    return Output(stream, part=Path(name), target=target)
