"""The columns ``screen_dataframe`` adds to every row, and how a result fills them.

The schema is fixed: the same columns, in this order, whatever the input
(``docs/spark.md`` says what each means). ``result_row`` is the one place a
:class:`ScreeningResult` becomes those values, on a Spark worker or anywhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sanctionscreen.batch.outcome import summary_line
from sanctionscreen.results import ScreeningResult

if TYPE_CHECKING:
    from pyspark.sql.types import StructField

# (column, Spark SQL type): every column a screened row gains.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("decision", "string"),  # match, review, clear or error
    ("score", "double"),  # the best hit's score; null without hits
    ("hit_count", "int"),
    ("best_entity_id", "string"),
    ("best_entity_name", "string"),
    ("best_list", "string"),  # the best hit's list id
    ("best_matched_name", "string"),  # the listed name the query matched
    ("best_name_kind", "string"),  # primary, alias, aka, weak, acronym, ...
    ("explanation", "string"),  # one line on the best hit; null without hits
    ("error", "string"),  # why the name was not screened (decision "error")
    ("result_json", "string"),  # the whole ScreeningResult as JSON
    ("library_version", "string"),
    ("settings_hash", "string"),
    ("list_hashes", "string"),  # "id=sha256:...; id=sha256:...", in list order
    ("list_sources", "string"),  # "id=path; ...", as the driver read them
)
NAMES = tuple(name for name, _ in COLUMNS)


def result_row(result: ScreeningResult) -> dict[str, Any]:
    """The added columns' values for one result."""
    best = result.best
    return {
        "decision": result.decision,
        "score": None if best is None else best.score,
        "hit_count": len(result.hits),
        "best_entity_id": None if best is None else best.entity_id,
        "best_entity_name": None if best is None else best.entity_name,
        "best_list": None if best is None else best.list,
        "best_matched_name": None if best is None else best.matched_name,
        "best_name_kind": None if best is None else best.matched_name_kind,
        "explanation": None if best is None else summary_line(best),
        "error": result.error,
        "result_json": result.model_dump_json(),
        "library_version": result.library_version,
        "settings_hash": result.settings_hash,
        "list_hashes": "; ".join(f"{i.id}={i.content_hash}" for i in result.lists),
        "list_sources": "; ".join(f"{i.id}={i.source or ''}" for i in result.lists),
    }


def spark_fields() -> list[StructField]:
    """The added columns as Spark fields (all nullable, as Arrow output is)."""
    from pyspark.sql.types import DoubleType, IntegerType, StringType, StructField

    kinds = {"string": StringType(), "double": DoubleType(), "int": IntegerType()}
    return [StructField(name, kinds[kind], nullable=True) for name, kind in COLUMNS]
