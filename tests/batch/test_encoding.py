"""Encoding detection on supplier files as Korean, Chinese, Japanese and ERPs write them."""

from __future__ import annotations

import codecs
import io

import pytest

from sanctionscreen.batch.encoding import check_encoding, detect_encoding, text_stream
from sanctionscreen.errors import InputError

KOREAN = ["조선신흥무역회사", "삼성전자 주식회사", "현대자동차 주식회사", "주식회사 엘지화학"]
CHINESE = ["大连天宝国际物流有限公司", "深圳华强电子有限公司", "上海振华重工股份有限公司"]
JAPANESE = ["トヨタ自動車株式会社", "株式会社日立製作所", "ソニーグループ株式会社"]
EUROPEAN = ["Société Générale", "Müller Maschinenbau GmbH", "Ørsted A/S", "Nestlé S.A."]


def supplier_csv(names: list[str]) -> str:
    lines = ["supplier_id,name,country"] + [f"S{i},{n},XX" for i, n in enumerate(names, 1)]
    return "\r\n".join(lines) + "\r\n"


CASES = [
    ("utf-8", KOREAN + CHINESE + JAPANESE + EUROPEAN, "utf-8"),
    ("utf-8-sig", KOREAN + CHINESE, "utf-8-sig"),
    ("utf-16", KOREAN + CHINESE + JAPANESE, "utf-16"),
    ("cp949", KOREAN, "cp949"),
    ("euc_kr", KOREAN, "cp949"),
    ("gb18030", CHINESE, "gb18030"),
    ("shift_jis", JAPANESE, "cp932"),
    ("cp1252", EUROPEAN, "cp1252"),
]


@pytest.mark.parametrize(("written", "names", "detected"), CASES)
def test_detects_the_encoding_and_reads_every_name(
    written: str, names: list[str], detected: str
) -> None:
    text = supplier_csv(names)
    data = text.encode(written)
    assert detect_encoding(data, complete=True) == detected
    stream, used = text_stream(io.BytesIO(data))
    assert used == detected
    assert stream.read() == text


def test_utf8_wins_when_the_sample_decodes_as_utf8() -> None:
    # Plain ASCII is valid in every candidate; UTF-8 must be chosen.
    assert detect_encoding(b"id,name\n1,Acme Trading\n", complete=True) == "utf-8"


def test_a_sample_cut_inside_a_character_is_still_utf8() -> None:
    data = supplier_csv(KOREAN).encode("utf-8")
    cut = data[: data.index("신".encode()) + 1]  # ends one byte into a three-byte character
    assert detect_encoding(cut, complete=False) == "utf-8"


def test_override_is_used_and_a_utf8_bom_is_dropped() -> None:
    data = codecs.BOM_UTF8 + "id,name\n1,조선신흥무역회사\n".encode()
    stream, used = text_stream(io.BytesIO(data), encoding="UTF8")
    assert used == "utf-8-sig"
    assert stream.read().startswith("id,name")


def test_undecodable_bytes_become_lone_surrogates_not_a_failure() -> None:
    data = b"id,name\n1,Acme\n2,Bad \xff\xfe name\n"
    stream, _ = text_stream(io.BytesIO(data), encoding="utf-8")
    assert "\udcff" in stream.read()


def test_unknown_encoding_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        check_encoding("klingon")
