"""Word-level steps: spaced letters, numbers, abbreviations, synonyms, legal forms."""

from __future__ import annotations

import pytest

from sanctionscreen.text import words
from sanctionscreen.text.normalize import normalise


def test_spaced_letters_join_from_three() -> None:
    assert words.join_spaced_letters("s i n s m s pte".split()) == ["sinsms", "pte"]
    assert words.join_spaced_letters(["l", "and", "h"]) == ["l", "and", "h"]
    assert words.join_spaced_letters(["j", "p", "morgan"]) == ["j", "p", "morgan"]


def test_numbers_as_digits() -> None:
    assert words.numbers_as_digits("brigade forty four".split()) == ["brigade", "44"]
    assert words.numbers_as_digits("brigade forty 4".split()) == ["brigade", "44"]
    assert words.numbers_as_digits("1st first xii".split()) == ["1", "1", "12"]
    assert words.numbers_as_digits(["trust", "i"]) == ["trust", "1"]
    assert words.numbers_as_digits(["i", "trust"]) == ["i", "trust"]
    assert words.numbers_as_digits(["office", "no", "39"]) == ["office", "39"]


def test_abbreviations_and_synonyms() -> None:
    assert words.expand_abbreviations(["intl", "trdg", "mgmt"]) == [
        "international", "trading", "management"]
    assert words.apply_synonyms("north korea chosun dprk joseon".split()) == ["korea"] * 4


def test_legal_forms_at_the_ends_and_inside() -> None:
    assert words.set_aside_legal_forms("samsung electronics co ltd".split()) == (
        ["samsung", "electronics"], ["co ltd"])
    assert words.set_aside_legal_forms("korea sinhung trading corporation rason branch".split()) \
        == (["korea", "sinhung", "trading", "rason", "branch"], ["corporation"])
    assert words.set_aside_legal_forms(["co", "operative", "bank"])[0] == ["operative", "bank"]


def test_short_forms_only_at_the_ends() -> None:
    kept, found = words.set_aside_legal_forms("ag star sa trading".split())
    assert kept == ["star", "sa", "trading"]
    assert found == ["ag"]


def test_cut_short_and_misspelled_forms() -> None:
    assert words.legal_form_like("compan") == "company"
    assert words.legal_form_like("aktiengeselschaft") == "aktiengesellschaft"
    assert words.legal_form_like("corporat") == "corporation"
    assert words.legal_form_like("comp") is None  # too short to tell
    assert words.legal_form_like("kong") is None  # "Hong Kong", not "kongsa"
    assert words.legal_form_like("sinhung") is None
    kept, found = words.set_aside_legal_forms("tactical missiles joynt stock company".split())
    assert kept == ["tactical", "missiles"]
    assert found == ["joint stock company"]


def test_misspelled_phrases_are_found_whatever_was_looked_up_before() -> None:
    """The search for a misspelled phrase is kept by the words it looks at, which depend
    on the name's length: names that end alike but differ in length still get their
    own answer, in any order."""
    names = [["acme", "joint", "stok", "company"], ["joint", "stok", "company"],
             ["stok", "company"], ["acme", "trading", "limited", "liability", "compan"],
             ["limited", "liability", "compan"], ["limted", "liability", "company", "acme"]]
    words._misspelled_at.cache_clear()
    fresh = []
    for name in names:
        words._misspelled_at.cache_clear()
        fresh.append((words._misspelled_phrase(name),
                      words._misspelled_phrase(name, at_start=True)))
    assert fresh[0][0] == ("joint stock company", 3) and fresh[1][0] is None
    assert fresh[5][1] == ("limited liability company", 3)
    for order in (names, names[::-1]):
        words._misspelled_at.cache_clear()
        found = {tuple(name): (words._misspelled_phrase(name),
                               words._misspelled_phrase(name, at_start=True))
                 for name in order}
        assert [found[tuple(name)] for name in names] == fresh


@pytest.mark.parametrize(("name", "words", "forms"), [
    # Spain: sociedad limitada (unipersonal), sociedad anónima unipersonal; Mexico: S.C.
    ("Construcciones Garcia S.L.", ["construcciones", "garcia"], ["sl"]),
    ("Construcciones Garcia S. L.", ["construcciones", "garcia"], ["s l"]),
    ("Reformas Martinez Lopez SLU", ["reformas", "martinez", "lopez"], ["slu"]),
    ("Telefonica de Espana S.A.U.", ["telefonica", "de", "espana"], ["sau"]),
    ("Despacho Garcia Abogados, S.C.", ["despacho", "garcia", "abogados"], ["sc"]),
    # Ecuador, Colombia: compañía limitada; Spain, Latin America: "y Cía."
    ("Comercial Andina Cía. Ltda.", ["comercial", "andina"], ["cia ltda"]),
    ("Garcia Hermanos y Cía.", ["garcia", "hermanos"], ["y cia"]),
    # Peru: sociedad anónima cerrada; Brazil: EIRELI, microempresa
    ("Alicorp S.A.A.", ["alicorp"], ["saa"]),
    ("Inversiones Quispe S.A.C.", ["inversiones", "quispe"], ["sac"]),
    ("Comercio de Calcados Andrade EIRELI", ["comercio", "de", "calcados", "andrade"],
     ["eireli"]),
    ("Construtora Andrade Ltda. - ME", ["construtora", "andrade"], ["ltda me"]),
])
def test_latin_legal_forms_are_set_aside(name: str, words: list[str], forms: list[str]) -> None:
    result = normalise(name)
    assert (result.words, result.legal_forms) == (words, forms)


def test_the_shining_paths_acronym_stays_a_name_of_its_own() -> None:
    """'SL' is listed alone (Sendero Luminoso): a name made only of a form keeps it."""
    assert normalise("SL").words == ["sl"]
    assert "sl" not in normalise("Construcciones Garcia S.L.").words


def test_forms_that_are_initials_at_the_start_are_taken_only_at_the_end() -> None:
    assert normalise("SL Green Realty Corp").words == ["sl", "green", "realty"]
    assert normalise("S.C. Johnson & Son, Inc.").words == ["sc", "johnson", "and", "son"]
    assert normalise("SAC Capital Advisors LP").words == ["sac", "capital", "advisors"]
    assert normalise("ME Access Technology General Trading FZE").words[0] == "me"
    assert normalise("SPS ME FZCO").words == ["sps", "me"]  # Middle East, not microempresa
    assert normalise("Ramirez Abadia y Cia. S.C.S.").words == ["ramirez", "abadia"]


@pytest.mark.parametrize(("name", "words", "forms"), [
    # Vietnam: công ty (company), TNHH (limited liability), MTV (one member), cổ phần
    ("Công ty TNHH May Mặc Việt Tiến", ["may", "mac", "viet", "tien"], ["cong ty tnhh"]),
    ("Công ty Cổ phần Sữa Việt Nam", ["sua", "viet", "nam"], ["cong ty co phan"]),
    ("CTCP Tập đoàn Hòa Phát", ["tap", "doan", "hoa", "phat"], ["ctcp"]),
    ("Công ty TNHH MTV Cao su Đồng Nai", ["cao", "su", "dong", "nai"], ["cong ty tnhh mtv"]),
    ("Tổng Công ty May Việt Tiến", ["may", "viet", "tien"], ["tong cong ty"]),
    ("Công ty Vinamilk", ["vinamilk"], ["cong ty"]),
    ("MTV Networks", ["mtv", "networks"], []),  # MTV alone is no form
    # Korea and Japan: (주), ㈜, (株), ㈱ abbreviate 주식회사 and 株式会社
    ("(주)한세실업", ["hansesileob"], ["joint stock company"]),
    ("㈜영원무역", ["yeongwon", "trading"], ["joint stock company"]),
    ("삼성전자(주)", ["samseong", "electronics"], ["joint stock company"]),
    ("㈱ユニクロ", ["yunikuro"], ["joint stock company"]),
    ("(有)山田商店", ["shantianshangdian"], ["limited"]),
    # Germany: the limited partnership and its GmbH & Co. KG
    ("Robert Bosch GmbH & Co. KG", ["robert", "bosch"], ["gmbh and co kg"]),
    ("Otto GmbH & Co KG", ["otto"], ["gmbh and co kg"]),
    ("Hugo Boss Textil KG", ["hugo", "boss", "textil"], ["kg"]),
    ("Merck KGaA", ["merck"], ["kgaa"]),
    ("Muster UG (haftungsbeschränkt)", ["muster"], ["ug haftungsbeschrankt"]),
    # Turkey: limited şirketi, anonim şirketi
    ("Yıldız Tekstil Sanayi ve Ticaret Ltd. Şti.", ["yildiz", "tekstil", "sanayi", "ve",
                                                    "ticaret"], ["ltd sti"]),
    ("Koç Holding Anonim Şirketi", ["koc", "holding"], ["anonim sirketi"]),
    # India: (P) Ltd.; Indonesia: CV, (Persero); France: SASU, EURL; Italy: S.r.l.s.
    ("Shahi Exports (P) Ltd.", ["shahi", "exports"], ["p ltd"]),
    ("PT Pertamina (Persero)", ["pertamina"], ["persero", "pt"]),
    ("CV Maju Jaya", ["maju", "jaya"], ["cv"]),
    ("Dupont Conseil SASU", ["dupont", "conseil"], ["sasu"]),
    ("Boulangerie Martin EURL", ["boulangerie", "martin"], ["eurl"]),
    ("Rossi Costruzioni S.r.l.s.", ["rossi", "costruzioni"], ["srls"]),
    # Mexico: S.A. de C.V. written with spaces, sociedad de producción rural
    ("Accesos Electronicos S.A.DE C.V.", ["accesos", "electronicos"], ["s a de cv"]),
    ("Genetica Import-Export S.P.R. de R.L. de C.V.", ["genetica", "import", "export"],
     ["spr de rl de cv"]),
])
def test_legal_forms_of_supplier_countries_are_set_aside(name: str, words: list[str],
                                                          forms: list[str]) -> None:
    result = normalise(name)
    assert (result.words, result.legal_forms) == (words, forms)


@pytest.mark.parametrize(("name", "words"), [
    ("PT Indofood Sukses Makmur Tbk", ["indofood", "sukses", "makmur"]),
    ("Thai Union Group Public Co., Ltd.", ["thai", "union", "group", "public"]),
    ("Tata Steel Pvt. Ltd.", ["tata", "steel"]),
    ("Arvind Private Limited", ["arvind"]),
    ("Square Textiles Ltd.", ["square", "textiles"]),
    ("トヨタ自動車株式会社", ["toyotazidongche"]),
    ("Toyota Jidosha Kabushiki Kaisha", ["toyota", "jidosha"]),
    ("Uniqlo K.K.", ["uniqlo"]),
    ("中国外运股份有限公司", ["china", "waiyun"]),
    ("江苏阳光集团有限公司", ["jiangsuyangguang", "group"]),
    ("ПАО Сбербанк", ["sberbank"]),
    ("АО «Газпром»", ["gazprom"]),
    ("ЗАО Ромашка", ["romashka"]),
    ("LPP Sp. z o.o.", ["lpp"]),
    ("Orlen S.A.", ["orlen"]),
    ("Philips B.V.", ["philips"]),
    ("Heineken N.V.", ["heineken"]),
    ("Kering SA", ["kering"]),
    ("Decathlon SAS", ["decathlon"]),
    ("Dupont SARL", ["dupont"]),
    ("Benetton Group S.r.l.", ["benetton", "group"]),
    ("Ferrero S.p.A.", ["ferrero"]),
    ("Natura Cosméticos S.A.", ["natura", "cosmeticos"]),
    ("Arezzo Indústria e Comércio Ltda.", ["arezzo", "industria", "e", "comercio"]),
])
def test_legal_forms_already_known(name: str, words: list[str]) -> None:
    assert normalise(name).words == words
