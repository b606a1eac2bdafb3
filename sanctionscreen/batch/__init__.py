"""Batch screening: supplier files in, CSV / JSON lines / HTML reports out, with an audit trail.

Data flow: ``sources`` (open, hash) -> ``encoding`` -> ``readers`` / ``xlsx``
(rows) -> ``runner`` (screen in batches) -> ``decisions`` (analyst decisions)
-> ``writers`` / ``html_report`` (with ``safety``) and ``audit`` (header, summary).
See ``docs/batch-screening.md``.
"""

from __future__ import annotations

from sanctionscreen.batch.audit import RunSummary
from sanctionscreen.batch.decisions import DecisionBook, DecisionEntry, load_decisions
from sanctionscreen.batch.readers import InputFile, open_input
from sanctionscreen.batch.rows import InputRow
from sanctionscreen.batch.runner import screen_file

__all__ = [
    "DecisionBook",
    "DecisionEntry",
    "InputFile",
    "InputRow",
    "RunSummary",
    "load_decisions",
    "open_input",
    "screen_file",
]
