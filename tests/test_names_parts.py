"""The parts of the name detectors: acronym definitions, romanised syllables, the word-by-word
comparison of names, case and spelling variants, contact fields, and the blocking that keeps
clustering linear."""
from __future__ import annotations

import random

import pytest

from qa.checks.names.acronyms import acronyms
from qa.checks.names.cluster import FormGroup, _candidate_pairs
from qa.checks.names.compare import name_form, variant_kind
from qa.checks.names.romanize import spelling_key, syllable_initials
from qa.checks.names.tokens import tokenize
from qa.document import document_from_text
from tests.helpers import found, lint

HEADLINE = "Company news\n\n"
ALL_NC = ["NC02", "NC03", "NC04", "NC05", "NC06", "NC07", "NC08"]


def form(name: str):
    return name_form(tuple(tokenize(name, 0, len(name))), False)


# ---- acronyms ---------------------------------------------------------------------------
def test_definitions_of_three_shapes():
    text = ("The Ningbo Port Authority (NPA) and ITU (International Telecommunication Union) "
            "met the Hangzhou Asian Games Organising Committee (hereinafter referred to as "
            "\u201cHAGOC\u201d) on Monday.\n")
    doc = document_from_text(text)
    got = [(d.kind, d.short, text[d.long_start:d.long_end]) for d in acronyms(doc).definitions]
    assert got == [
        ("acronym", "NPA", "Ningbo Port Authority"),
        ("reverse", "ITU", "International Telecommunication Union"),
        ("hereinafter", "HAGOC", "Hangzhou Asian Games Organising Committee"),
    ]


def test_brackets_that_are_not_definitions():
    doc = document_from_text("Sales rose (see table) in 2023 (2022: 4%) at Wuxi Steel (MTR).\n")
    assert acronyms(doc).definitions == ()      # MTR: no such letters before the bracket


def test_normal_abbreviation_after_first_mention_is_not_reported():
    text = (HEADLINE + "The United States and the Communist Party of China (CPC) were named. "
            "The Internet of Things (IoT) grows.\n\nU.S. firms and CPC officials discussed IoT "
            "and AI. The CPC said GDP grew.\n")
    assert found(text, ALL_NC) == []


def test_acronym_in_headline_before_body_definition_is_fine():
    text = ("NBTA opens new terminal\n\nThe Ningbo Bus Transit Authority (NBTA) opened a "
            "terminal.\n\nNBTA said it cost 2 billion yuan.\n")
    assert found(text, ALL_NC) == []


def test_possessive_acronym_before_its_definition_is_found():
    text = (HEADLINE + "The HPL's first plant opens in Spain.\n\nGeely and Renault formed "
            "Horse Powertrain Limited (HPL) in 2024. HPL's engines ship next year.\n")
    assert found(text, ["NC03"]) == [("NC03", 3, 5, 3, 8, "HPL")]


def test_bare_acronym_for_its_year_form_is_fine():
    text = (HEADLINE + "The Shenzhen Drone Fair 2025 (SDF 2025) opened.\n\nThis is the fifth "
            "SDF. SDF 2025 runs for three days.\n")
    assert found(text, ALL_NC) == []


def test_same_definition_twice_is_not_a_conflict():
    text = (HEADLINE + "The Ningbo Port Authority (NPA) met.\n\nLater the Ningbo Port "
            "Authority (NPA) signed.\n")
    assert found(text, ["NC04"]) == []


def test_one_name_two_acronyms():
    text = (HEADLINE + "The Ningbo Port Authority (NPA) met.\n\nLater the Ningbo Port "
            "Authority (NBPA) signed.\n")
    assert found(text, ["NC04"]) == [("NC04", 5, 34, 5, 38, "NBPA")]


# ---- romanised words --------------------------------------------------------------------
@pytest.mark.parametrize("word, initials", [
    ("Jingdong", "jd"), ("Kuomintang", "kmt"), ("Hunan", "hn"), ("Xinhua", "xh"),
    ("Vision", None), ("Xian", None)])
def test_syllable_initials(word, initials):
    assert syllable_initials(word) == initials


def test_spelling_key_merges_romanisation_habits_only():
    assert spelling_key("Macau") == spelling_key("Macao")
    assert spelling_key("Phillipines") == spelling_key("Philippines")
    assert spelling_key("Thành") == spelling_key("Thanh")
    assert spelling_key("Shaanxi") != spelling_key("Shanxi")


# ---- comparison -------------------------------------------------------------------------
@pytest.mark.parametrize("a, b, kind", [
    ("Brunei University", "University of Brunei", "order"),
    ("Vision Technology Group", "Visionary Technology Group", "spelling"),
    ("Vision Technology Group", "Envision Group", "spelling"),
    ("World Exhibition for the Internet of Things 2021", "World Internet of Things Exposition",
     "order"),
    ("Ningbo Trade Expo", "Ningbo Trade Exhibition", "head"),
    ("JD Group", "Jingdong Group", "acronym"),
    ("Asian Association for Marine Biology", "Asian Association of Marine Biology",
     "connector"),
    ("Huawei Technologies Co., Ltd.", "Huawei Technologies", None),     # a shortening
    ("Anshan Steel Group 2021", "Anshan Steel Group 2022", None),       # two years
    ("Line 2 Metro Company", "Line 3 Metro Company", None),             # two numbers
    ("Bank of China", "China Construction Bank", None),
])
def test_variant_kind(a, b, kind):
    assert variant_kind(form(a), form(b)) == kind
    assert variant_kind(form(b), form(a)) == kind


# ---- case, spelling and fields ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    HEADLINE + "The IT team met. It said the network was fine.\n",
    HEADLINE + "SHARES ROSE is not a name. Shares rose again.\n",
    HEADLINE + "Party members met. The Party congress opened.\n",
    HEADLINE + "Prime Minister Li Qiang spoke. The prime minister left.\n",
    HEADLINE + "The Shanghai Jiao Tong University team won. A university team lost.\n",
])
def test_not_case_variants(text):
    assert found(text, ["NC06"]) == []


def test_case_variant_of_a_name_with_inner_words():
    text = (HEADLINE + "Shanghai Jiao Tong University hosted the event.\n\nStudents of "
            "Shanghai Jiao tong University won.\n")
    assert found(text, ["NC06"]) == [("NC06", 5, 13, 5, 42, "Shanghai Jiao tong University")]


def test_a_dateline_in_capitals_is_no_case_variant():
    text = (HEADLINE + "LHASA, Sept. 3, 2026 -- Farmers near Lhasa grew barley.\n\nBEIJING (Xinhua) "
            "-- Firms in Lhasa and Beijing agreed.\n\nNINGBO — Ningbo port grew.\n")
    assert found(text, ["NC06"]) == []


def test_case_variant_with_a_possessive_ending():
    text = (HEADLINE + "Shanghai Zhenhua Heavy Industries (ZPMC) shipped cranes.\n\n"
            "ZPMC is a crane maker. Zpmc's order book grew; ZPMC’s did too.\n")
    assert found(text, ["NC06"]) == [("NC06", 5, 24, 5, 28, "Zpmc")]


@pytest.mark.parametrize("pair", [("Korea", "Korean"), ("Hunan", "Henan"),
                                  ("Zhejiang", "Zhenjiang"), ("Austria", "Australia"),
                                  ("Iran", "Iraq"), ("Nanjing", "Nanning")])
def test_not_spelling_variants(pair):
    a, b = pair
    text = f"{HEADLINE}Delegates from {a} arrived.\n\nThe team met officials in {b} later.\n"
    assert found(text, ["NC07"]) == []


@pytest.mark.parametrize("line", ["Company Name: Global Times", "E-mail: press@example.com",
                                  "Source: Xinhua", "Organization: People's Daily Online",
                                  "Contact: mr zhang wei"])
def test_fields_left_alone(line):
    assert found(f"Media contact\n{line}\nCity: Wuxi\n", ["NC08"]) == []


def test_field_value_ends_before_a_carriage_return():
    assert found("Media contact\r\nCompany Name: Global times\r\nCity: Wuxi\r\n", ["NC08"]) == [
        ("NC08", 2, 15, 2, 27, "Global times")]


def test_field_fix_capitalises_all_but_connectors():
    (f,) = lint("Media contact\nOrganisation: china council for the promotion of trade\n",
                ["NC08"])
    assert f.suggestion == "China Council for the Promotion of Trade"
    assert f.fix is not None and f.fix.edits[0].text == f.suggestion


# ---- blocking ---------------------------------------------------------------------------
def test_blocking_compares_few_pairs_of_many_unrelated_names():
    rng = random.Random(3)
    syl = ("an bai ben cai chen da dong fang gao hai hong hua jia jin kai lan li long ming "
           "nan peng qi rong sheng tai tian wei xin yang yong yuan zhen zhong").split()
    heads = ["Group", "University", "Institute", "Association", "Expo", "Bureau"]
    names = {f"{rng.choice(syl).title()}{rng.choice(syl)}{rng.choice(syl)} "
             f"{rng.choice(heads)}" for _ in range(3000)}
    groups = [FormGroup(form(n)) for n in sorted(names)]
    pairs = set(_candidate_pairs(groups))
    assert len(pairs) < 40 * len(groups)          # all pairs would be ~1,500 times more
