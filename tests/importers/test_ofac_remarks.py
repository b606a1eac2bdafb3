"""Names and identifiers in OFAC remarks, and the country table."""

from __future__ import annotations

from sanctionscreen.countries import country_code
from sanctionscreen.importers.ofac_remarks import remark_aliases, remark_identifiers


def test_apostrophes_inside_names() -> None:
    remarks = "a.k.a. 'CH'O'NGSAN'; a.k.a. ''FOOPIE''; a.k.a. 'LLC 'DSD''."
    assert [a.name for a in remark_aliases(remarks, primary="X Y")] == [
        "CH'O'NGSAN", "FOOPIE", "LLC 'DSD'"]


def test_kinds() -> None:
    remarks = "a.k.a. 'KOMID'; a.k.a. 'THIRD FLOOR'; f.k.a. 'ANA I'; n.k.a. 'NEW NAME'."
    kinds = [(a.name, a.kind) for a in remark_aliases(remarks, primary="KOREA MINING")]
    assert kinds == [("KOMID", "acronym"), ("THIRD FLOOR", "weak"), ("ANA I", "fka"),
                     ("NEW NAME", "nka")]
    # a one-word primary name has no acronym: the short alias is only a weak alias
    assert remark_aliases("a.k.a. 'BNC'.", primary="BANCO")[0].kind == "weak"


def test_a_persons_names_in_quotes_are_nicknames_not_acronyms() -> None:
    """An individual's one-word remark names are nicknames (weak aliases), as are a
    vessel's; only an organisation's are acronyms."""
    person = ("DOB 14 Sep 1970; POB Michoacan, Mexico; nationality Mexico; a.k.a. 'LA CHIVA'; "
              "a.k.a. 'KIKE'.")
    kinds = [(a.name, a.kind) for a in remark_aliases(
        person, primary="PLANCARTE SOLIS, Enrique", entity_type="person")]
    assert kinds == [("LA CHIVA", "weak"), ("KIKE", "weak")]
    cyber = "DOB 02 Oct 1978; nationality Russia; a.k.a. 'GREEN'; a.k.a. 'ROCCO'."
    assert {a.kind for a in remark_aliases(
        cyber, primary="MOZHAEV, Alexander Vyacheslavovich", entity_type="person")} == {"weak"}
    vessel = "Vessel Registration Identification IMO 9617923; a.k.a. 'MARIA'."
    assert remark_aliases(vessel, primary="MARIA E", entity_type="vessel")[0].kind == "weak"
    organisation = "a.k.a. 'KOMID'."
    assert remark_aliases(organisation, primary="KOREA MINING DEVELOPMENT TRADING CORPORATION",
                          entity_type="organization")[0].kind == "acronym"


def test_identifiers() -> None:
    remarks = ("Vessel Registration Identification IMO 7406784; alt. Registration Number "
               "1027700167110 (Russia); Passport 563410081 (Korea, North) expires 03 Nov 2025; "
               "DOB 18 Feb 1962.")
    assert [(i.scheme, i.value, i.country) for i in remark_identifiers(remarks)] == [
        ("IMO", "7406784", None), ("registration number", "1027700167110", "RU"),
        ("passport", "563410081", "KP")]


def test_country_names() -> None:
    assert country_code("Korea, North") == "KP"
    assert country_code("Democratic People's Republic of Korea") == "KP"
    assert country_code("St. Kitts & Nevis") == "KN"
    assert country_code("Cote d Ivoire") == country_code("Côte d'Ivoire") == "CI"
    assert country_code("Norway") == "NO"
    assert country_code("Atlantis") is None
    assert country_code("undetermined") is None
    assert country_code(None) is None
