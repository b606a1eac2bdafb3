"""Tests for ``benchmarks/quality_lists.py``: pairs built from official lists.

Most tests use a small hand-made watchlist shaped like the OFAC and UN imports;
one reads the real UN list from ``../shared/eval/lists`` through the
``shared_dir`` fixture (skipped when absent, failing instead when ``CI`` is set).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from sanctionscreen.evaluation import read_pairs
from sanctionscreen.importers import load_list
from sanctionscreen.watchlist.model import Alias, Designation, Entity, Risk, Watchlist

REPO = Path(__file__).resolve().parents[2]
UN_XML = "eval/lists/un/un_consolidated_2026-02-27.xml"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quality_lists",
                                                  REPO / "benchmarks" / "quality_lists.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


ql = _load()


def _entity(number: str, name: str, *aliases: tuple[str, str], programme: str = "SDGT",
            kind: str = "organization", summary: str | None = None) -> Entity:
    return Entity(
        id=f"ofac-{number}", type=kind, name=name,  # type: ignore[arg-type]
        aliases=[Alias(name=n, kind=k) for n, k in aliases],  # type: ignore[arg-type]
        risk=Risk(basis="designated", designations=[Designation(
            authority="US Treasury OFAC", programme=programme, reference=number)]),
        summary=summary)


@pytest.fixture
def watchlist() -> Watchlist:
    return Watchlist(id="ofac-sdn", title="test", entities=[
        _entity("12212", "GREEN PINE ASSOCIATED CORPORATION",
                ("CHONGSONG YONHAP", "aka"), ("JINDALLAE", "aka"), programme="DPRK3"),
        _entity("12203", "KOREA MINING DEVELOPMENT TRADING CORPORATION",
                ("KOMID", "acronym"), ("KOREA MINING DEVELOPMENT CORP", "weak"),
                programme="NPWMD"),
        # Named in 12203's remarks: tied to it, so never its hard negative.
        _entity("20001", "KOREA MINING DEVELOPMENT TRADING BRANCH", programme="DPRK2",
                summary="Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION."),
        # Normalises like 12203 (legal forms set aside): not a negative either.
        _entity("20002", "KOREA MINING DEVELOPMENT TRADING CO., LTD."),
        _entity("20003", "KOREA MINERAL DEVELOPMENT TRADING COMPANY"),
        _entity("20004", "GREEN PINE TRADING LLC"),
        _entity("7001", "KIM, Jong Sik", ("Jong Sik KIM", "reordered"), ("KIM, Chong Sik", "aka"),
                kind="person", programme="DPRK3"),
        _entity("7002", "KIM, Jong Su", kind="person"),
    ])


def _by_source(pairs: list[object]) -> dict[tuple[str, str, bool], object]:
    return {(p.name1, p.name2, p.is_match): p for p in pairs}  # type: ignore[attr-defined]


def test_positives_are_listed_aliases_against_the_primary_name(watchlist: Watchlist) -> None:
    pairs = ql.build_pairs([watchlist])
    positives = {(p.name1, p.name2, p.kind) for p in pairs if p.is_match}
    assert positives == {
        ("CHONGSONG YONHAP", "GREEN PINE ASSOCIATED CORPORATION", "aka"),
        ("JINDALLAE", "GREEN PINE ASSOCIATED CORPORATION", "aka"),
        ("KOMID", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "acronym"),
        ("KOREA MINING DEVELOPMENT CORP", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "weak"),
    }


def test_people_only_when_asked_and_never_the_reordered_rewrite(watchlist: Watchlist) -> None:
    people = [p for p in ql.build_pairs([watchlist], include_people=True) if p.type == "person"]
    assert {(p.name1, p.name2, p.is_match) for p in people} == {
        ("KIM, Chong Sik", "KIM, Jong Sik", True),
        ("KIM, Jong Sik", "KIM, Jong Su", False),
    }


def test_hard_negative_skips_entries_tied_by_remarks_or_identical_names(
        watchlist: Watchlist) -> None:
    negatives = {p.name1: p for p in ql.build_pairs([watchlist]) if not p.is_match}
    komid = negatives["KOREA MINING DEVELOPMENT TRADING CORPORATION"]
    assert komid.name2 == "KOREA MINERAL DEVELOPMENT TRADING COMPANY"
    assert komid.source == "ofac-sdn:ofac-12203~ofac-sdn:ofac-20003"
    assert komid.kind == "negative"
    assert negatives["GREEN PINE ASSOCIATED CORPORATION"].name2 == "GREEN PINE TRADING LLC"
    assert all(not ql.tied(watchlist.entity(p.source.split("~")[0].split(":")[1]),
                           watchlist.entity(p.source.split("~")[1].split(":")[1]))
               for p in negatives.values())


def test_tied_by_remarks_related_or_shared_alias() -> None:
    a = _entity("1", "ALPHA SHIPPING CO", ("BETA LINES", "aka"))
    assert ql.tied(a, _entity("2", "BETA LINES LTD"))  # a shared name after normalisation
    assert ql.tied(a, _entity("3", "GAMMA", summary="Linked To: ALPHA SHIPPING CO."))
    assert not ql.tied(a, _entity("4", "ALPHA SHIPPING LINES", summary="Linked To: ALPHAS."))


def test_subset_and_shared_words(watchlist: Watchlist) -> None:
    pairs = _by_source(ql.build_pairs([watchlist]))
    pine = pairs[("JINDALLAE", "GREEN PINE ASSOCIATED CORPORATION", True)]
    assert (pine.subset, pine.shared) == ("dprk", "none")  # type: ignore[attr-defined]
    komid = pairs[("KOREA MINING DEVELOPMENT CORP",
                   "KOREA MINING DEVELOPMENT TRADING CORPORATION", True)]
    assert (komid.subset, komid.shared) == ("other", "generic")  # type: ignore[attr-defined]
    assert ql.shared_words("KOREA TRADING COMPANY", "KOREA SINHUNG TRADING CORP") == "generic"
    assert ql.shared_words("SINHUNG TRADING", "KOREA SINHUNG TRADING CORP") == "distinctive"
    assert ql.shared_words("OFFICE OF THE BUREAU", "THE BUREAU") == "generic"
    assert ql.shared_words("OF THE SEA", "THE LAND") == "none"  # stopwords do not count
    un = _entity("1", "X", programme="DPRK").model_copy(update={"risk": Risk(
        basis="designated", designations=[Designation(authority="UN", reference="KPe.030")])})
    assert ql.is_dprk(un)


def test_csv_reads_back_with_the_evaluation_reader(watchlist: Watchlist,
                                                   tmp_path: Path) -> None:
    pairs = ql.build_pairs([watchlist])
    out = tmp_path / "pairs.csv"
    ql.write_csv(pairs, out)
    back = read_pairs(out)
    assert [(p.name1, p.name2, p.is_match) for p in back] == [
        (p.name1, p.name2, p.is_match) for p in pairs]
    dprk = read_pairs(out, keep=[("subset", {"dprk"})])
    assert {p.name1 for p in dprk} == {  # the two DPRK entries' aliases and primary names
        "CHONGSONG YONHAP", "JINDALLAE", "GREEN PINE ASSOCIATED CORPORATION",
        "KOREA MINING DEVELOPMENT TRADING BRANCH"}


def test_missing_list_is_an_error_naming_the_path(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    assert ql.main(["--list", str(tmp_path / "nope.xml")]) == 2
    assert "ConfigurationError" in capsys.readouterr().err


def test_real_un_list_gives_the_green_pine_translation(
        shared_dir: Callable[[str], Path]) -> None:
    pairs = ql.build_pairs([load_list(shared_dir(UN_XML))])
    found = _by_source(pairs)
    pine = found[("KU'MHAERYONG COMPANY LTD.", "GREEN PINE ASSOCIATED CORPORATION", True)]
    assert (pine.subset, pine.shared) == ("dprk", "none")  # type: ignore[attr-defined]
    assert all(p.type != "person" for p in pairs)
    assert sum(not p.is_match for p in pairs) > 200


@pytest.mark.parametrize(("name1", "name2", "group"), [
    ("NAM CHONG GAN TRADING CORPORATION", "NAMCHONGANG TRADING CORPORATION",
     "joined or split words"),
    ("YONGJIN SHIP MANAGEMENT COMPANY LIMITED", "PYONGJIN SHIP MANAGEMENT COMPANY LIMITED",
     "spelling"),
    ("FU YUAN YU 7606", "FU YUAN YU 7866", "numbers differ"),
    ("ART HOUSE GMBH", "HOUSE OF ART LIMITED", "same words"),
    ("PRENSA LATINA CANADA LTD.", "PRENSA LATINA", "one inside the other"),
    ("AIR BUTEMBO", "BUTEMBO AIRLINES", "other words"),
    ("JINDALLAE", "GREEN PINE ASSOCIATED CORPORATION", "no shared word"),
])
def test_difference_groups_on_listed_names(name1: str, name2: str, group: str) -> None:
    assert ql.difference(name1, name2) == group
