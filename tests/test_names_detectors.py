"""The name detectors added for names no near-spelling links (romanisations, swapped
translations, initials in two casings, headline against body, abbreviations with and
without stops) and for acronyms (never spelled out, not fitting, defined again), on
releases about organisations they were not written from, and the suggestions they make."""
from __future__ import annotations

import os

import pytest

from qa.checks.names.acronym_fit import check_acronym_fit, fits
from qa.checks.names.acronym_undefined import check_acronym_undefined
from qa.checks.names.casing import reads_as_initials
from qa.checks.names.romanisation import same_name
from qa.checks.names.variants import check_name_variants
from qa.document import document_from_text
from qa.rules.context import Entity, Glossary, RuleOptions
from tests.helpers import ROOT, lint, ruleset

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")
NC = ["NC02", "NC03", "NC04", "NC05", "NC06", "NC07", "NC08", "NC09", "NC10", "NC11", "NC12",
      "NC13"]


def release(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def nc(text: str, **kw) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.text, f.suggestion) for f in lint(text, NC, **kw)
            if not f.suppressed]


# ---- releases ---------------------------------------------------------------------------
def test_appliance_expo_release():
    assert nc(release("names_shunde_appliance_expo.txt")) == [
        ("NC13", 1, 1, "Foshan Home Appliance Fair", None),     # the body's name is cut by "(Shunde)"
        ("NC10", 5, 33, "CHEAA", None),
        ("NC09", 9, 156, "US", None),                           # one 'U.S.', one 'US': no majority
        ("NC06", 11, 236, "Tcl", "TCL"),
        ("NC02", 13, 5, "Beijiao Smart Home Appliance Pilot Zone", None),
    ]


def test_jewellery_release():
    assert nc(release("names_wuhan_jewellery_flagship.txt")) == [
        ("NC02", 9, 147, "Liufu Jewellery", "Luk Fook Jewellery"),
        ("NC12", 11, 18, "Wuhan Municipal Bureau of Commerce (WMBC)", "WMBC"),
        ("NC11", 13, 65, "CCPIT", "CCOIC"),
        ("NC06", 15, 5, "Hktdc", "HKTDC"),
    ]


@pytest.mark.parametrize("name", ["names_clean_brewery_university_partners.txt",
                                  "names_clean_guiyang_data_expo.txt"])
def test_clean_releases_with_look_alikes(name):
    # Tsingtao (brand) / Qingdao (city), Amoy, Peking University / Beijing University of
    # Technology, Commerce Ministry, U.S. / United States, HKU / HKUST, BYD, ZTE, FAST, MIIT
    assert nc(release(name)) == []


# ---- romanisations ---------------------------------------------------------------------
@pytest.mark.parametrize("old,new", [
    ("tsinghua", "qinghua"), ("kweichowmoutai", "guizhoumaotai"), ("chowtaifook", "zhoudafu"),
    ("peking", "beijing"), ("tsingtao", "qingdao"), ("kowloon", "jiulong"),
    ("chiangkaishek", "jiangjieshi"), ("kaohsiung", "gaoxiong"), ("hsinhua", "xinhua"),
])
def test_older_romanisations_of_one_name(old, new):
    assert same_name(old, new)


@pytest.mark.parametrize("old,new", [
    ("zhejiang", "zhenjiang"),      # two pinyin words
    ("moutai", "maotai"),           # pinyin on both sides: different names
    ("amoy", "xiamen"), ("canton", "guangzhou"),    # not syllable for syllable
    ("hangseng", "hengsheng"),      # both sides pinyin
])
def test_not_one_name_in_two_romanisations(old, new):
    assert not same_name(old, new)


# ---- casing --------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["Crrc", "Xcmg", "Tcl", "Sdic", "Hktdc"])
def test_capitalised_initials(word):
    assert reads_as_initials(word)


@pytest.mark.parametrize("word", ["It", "Shares", "Who", "Nasa", "Unesco", "Sinopec", "Zhang",
                                  "Tsinghua", "Nguyen", "Ltd", "Mr", "Strength", "Apple"])
def test_words_and_names_are_not_initials(word):
    assert not reads_as_initials(word)


# ---- acronym fit -----------------------------------------------------------------------
@pytest.mark.parametrize("acr,name", [
    ("most", "ministry of science and technology"), ("mofcom", "ministry of commerce"),
    ("kmt", "kuomintang"), ("sdpg", "shandong port group"), ("pboc", "people's bank of china"),
    ("rits", "research institute of tsinghua university in shenzhen"),
    ("gba", "guangdong hong kong macao greater bay area"), ("cctv", "china central television"),
    ("asean", "association of southeast asian nations"),
    ("mohurd", "ministry of housing and urban rural development"),
])
def test_acronyms_that_fit(acr, name):
    assert fits(acr, tuple(name.split()))


@pytest.mark.parametrize("acr,name", [
    ("miit", "ministry of science and technology"), ("sehk", "shanghai stock exchange"),
    ("ccpit", "china chamber of international commerce"), ("kpr", "korean people's army"),
    ("pdp", "taiwanese democratic party"),
])
def test_acronyms_that_do_not_fit(acr, name):
    assert not fits(acr, tuple(name.split()))


# ---- what is suggested -------------------------------------------------------------------
def test_glossary_name_is_kept_over_the_name_used_more():
    text = ("Release\n\nQilu Technology Institute opened a lab. Qilu Technology Institute "
            "staff and the Qilu Institute of Technology president spoke.\n")
    hits = list(check_name_variants(document_from_text(text, "text"), RuleOptions({})))
    assert [(text[h.start:h.end], h.suggestion) for h in hits] == [
        ("Qilu Institute of Technology", "Qilu Technology Institute")]       # usage
    glossary = Glossary((Entity("Qilu Institute of Technology"),))
    hits = list(check_name_variants(document_from_text(text, "text"),
                                    RuleOptions({}, glossary)))
    assert [(text[h.start:h.end], h.suggestion) for h in hits] == [
        ("Qilu Technology Institute", "Qilu Institute of Technology"),
        ("Qilu Technology Institute", "Qilu Institute of Technology")]      # the glossary's


def test_official_name_is_kept_over_the_name_used_more():
    text = ("Release\n\nHarbin Technology Institute opened a lab. Harbin Technology Institute "
            "staff and the Harbin Institute of Technology president spoke.\n")
    assert [(f.text, f.suggestion) for f in lint(text, ["NC02"])] == [
        ("Harbin Technology Institute", "Harbin Institute of Technology"),
        ("Harbin Technology Institute", "Harbin Institute of Technology")]


def test_no_suggestion_without_a_majority():
    text = ("Release\n\nAnshan Thermal Energy Institute signed. Anshan Institute of Thermal "
            "Energy said more.\n")
    assert [(f.text, f.suggestion) for f in lint(text, ["NC02"])] == [
        ("Anshan Institute of Thermal Energy", None)]


def test_no_placeholder_text_in_name_suggestions():
    texts = [release(n) for n in sorted(os.listdir(RELEASES)) if n.startswith("names_")]
    for text in texts:
        for f in lint(text, NC):
            assert f.suggestion is None or ("name" not in f.suggestion.lower().split()
                                            and "TODO" not in f.suggestion)


# ---- official names and their acronyms come from the glossaries ------------------------------
def test_official_acronyms_are_the_glossary_short_forms():
    builtin = RuleOptions({}, ruleset().glossary)
    doc = document_from_text("Release\n\nThe MSS said the case was closed. The Ministry of "
                             "Justice (MJS) issued a rule.\n", "text")
    assert [h.suggestion for h in check_acronym_undefined(doc, builtin)] == [
        "Ministry of State Security (MSS)"]                    # state_bodies.toml
    assert [h.suggestion for h in check_acronym_fit(doc, builtin)] == ["MOJ"]
    # a user's glossary adds its bodies the same way; with no glossary nothing is known
    own = Glossary((Entity("Qilu Institute of Technology", short=("QIT", "Qilu Tech")),))
    doc = document_from_text("Release\n\nThe QIT said it would hire 30 staff.\n", "text")
    assert [h.suggestion for h in check_acronym_undefined(doc, RuleOptions({}, own))] == [
        "Qilu Institute of Technology (QIT)"]
    assert [h.suggestion for h in check_acronym_undefined(doc, RuleOptions({}))] == [None]


def test_a_lower_case_term_defined_again_by_its_initials():
    text = ("Robot Dives 4,500 Meters\n\nAn autonomous underwater vehicle (AUV) built by the "
            "college dived. The AUV mapped the seabed.\n\nThe team is building a larger autonomous "
            "underwater vehicle (AUV) and a second high-speed rail (HSR) study; the HSR study and "
            "the research and development (R&D) team grew.\n")
    got = [(f.rule, f.text, f.suggestion, f.related[0].text) for f in lint(text, ["NC12"])]
    assert got == [("NC12", "autonomous underwater vehicle (AUV)", "AUV",
                    "autonomous underwater vehicle (AUV)")]
