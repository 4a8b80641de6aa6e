"""Name-consistency rules NC02-NC08 on releases about other organisations, the seed, and
text they must leave alone (normal abbreviation, distinct bodies with similar names)."""
from __future__ import annotations

import os

import pytest

from qa.checks.names.variants import check_name_variants
from qa.document import document_from_text
from qa.rules.context import Entity, Glossary, RuleOptions
from tests.helpers import ROOT, SEED, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def release(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def nc(text: str) -> list[tuple]:
    return found(text, ["NC02", "NC03", "NC04", "NC05", "NC06", "NC07", "NC08"])


# ---- releases ---------------------------------------------------------------------------
def test_games_expo_named_three_ways_and_its_short_form_moved():
    assert nc(release("names_chengdu_games_expo.txt")) == [
        ("NC05", 7, 2, 7, 11, "2024 CIGE"),
        ("NC02", 9, 17, 9, 55, "Chengdu International Games Exhibition"),
        ("NC02", 9, 101, 9, 136, "International Games Expo of Chengdu"),
        ("NC05", 11, 63, 11, 71, "IGE 2024"),
    ]


def test_drone_maker_transliterated_two_ways():
    assert nc(release("names_shenzhen_drone.txt")) == [
        ("NC02", 7, 1, 7, 25, "Jiayuen Drone Technology"),
        ("NC07", 9, 62, 9, 69, "Jiayuen"),       # the word inside the name is NC02's
    ]


def test_university_in_two_word_orders():
    assert nc(release("names_ningbo_university.txt")) == [
        ("NC02", 7, 53, 7, 73, "University of Ningbo"),
    ]


def test_acronyms_casing_spelling_and_contact_field():
    assert nc(release("names_macao_airline.txt")) == [
        ("NC03", 5, 1, 5, 4, "YSA"),
        ("NC07", 5, 52, 5, 57, "Macau"),
        ("NC06", 7, 82, 7, 88, "Wechat"),
        ("NC04", 9, 143, 9, 147, "MGTO"),
        ("NC08", 12, 15, 12, 35, "Yangtze sky airlines"),
    ]


def test_clean_release_with_look_alike_names_is_left_alone():
    # China Mobile / Unicom / Telecom, Huawei Technologies / Huawei Cloud, Alibaba Group /
    # Alibaba Cloud / Ant Group, CASC / CASIC, a Ministry and a provincial Department,
    # acronyms defined and reused, U.S. after United States.
    assert nc(release("names_clean_telecom.txt")) == []


def test_clean_release_with_many_universities_is_left_alone():
    # HKU / HKUST, Hunan / Henan University, the University of Macau beside Macao.
    assert nc(release("names_clean_universities.txt")) == []


def test_markdown_release_positions_point_into_the_file():
    text = ("# Ningbo University opens lab\n\n"
            "**Ningbo University** opened a lab on Thursday.\n\n"
            "- The University of Ningbo will run it with partners.\n")
    assert found(text, ["NC02"], fmt="markdown") == [
        ("NC02", 5, 7, 5, 27, "University of Ningbo")]


def test_seed_short_forms_and_contact_field():
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    assert nc(text) == [
        ("NC05", 6, 1, 6, 10, "2021 WIOT"),
        ("NC05", 8, 1, 8, 10, "2021 WIOT"),
        ("NC05", 18, 87, 18, 95, "IOT 2021"),
        ("NC08", 25, 15, 25, 27, "Global times"),
    ]


def test_seed_names_without_any_glossary():
    """With no glossary NC02 finds the event, JD and Envision variants on its own."""
    with open(SEED, encoding="utf-8") as fh:
        doc = document_from_text(fh.read())
    hits = sorted(check_name_variants(doc, RuleOptions({})), key=lambda h: h.start)
    assert [doc.text[h.start:h.end] for h in hits] == [
        "2021 World Internet of Things Exposition", "Envision Group", "Jingdong Group",
        "Visionary Technology Group"]


# ---- NC02 -------------------------------------------------------------------------------
HEADLINE = "Company news\n\n"


def test_variant_message_names_the_evidence_and_the_dominant_form():
    text = (HEADLINE + "Harmony Technology Group opened a plant.\n\n"
            "Harmony Technology Group hired 300 people.\n\n"
            "Li Na, CEO of Harmonic Technology Group, spoke.\n")
    doc = document_from_text(text)
    (hit,) = check_name_variants(doc, RuleOptions({}))
    assert doc.text[hit.start:hit.end] == "Harmonic Technology Group"
    assert hit.suggestion == "Harmony Technology Group"
    assert hit.message == ("'Harmonic Technology Group' (line 7) and 'Harmony Technology "
                           "Group' (line 3) look like one organisation (one word spelt "
                           "differently): use one name, 'Harmony Technology Group'")
    assert [doc.text[s:e] for s, e, _ in hit.related] == ["Harmony Technology Group"]


def test_glossary_not_same_as_keeps_names_apart():
    text = (HEADLINE + "Harmony Technology Group opened a plant.\n\n"
            "Li Na, CEO of Harmonic Technology Group, spoke.\n")
    glossary = Glossary((Entity("Harmony Technology Group",
                                not_same_as=("Harmonic Technology Group",)),))
    assert list(check_name_variants(document_from_text(text), RuleOptions({}, glossary))) == []
    assert len(list(check_name_variants(document_from_text(text), RuleOptions({})))) == 1


@pytest.mark.parametrize("first, second", [
    ("China Mobile Group", "China Unicom Group"),
    ("China Telecom Group", "China Unicom Group"),
    ("Huawei Technologies Co., Ltd.", "Huawei Cloud Co., Ltd."),
    ("Alibaba Group", "Ant Group"),
    ("Ministry of Industry and Information Technology",
     "Department of Industry and Information Technology"),
    ("China Aerospace Science and Technology Corporation",
     "China Aerospace Science and Industry Corporation"),
    ("Hunan University", "Henan University"),
    ("Zhejiang University", "Zhenjiang University"),
    ("Shanxi Normal University", "Shaanxi Normal University"),
    ("Chinese Academy of Sciences", "Chinese Academy of Engineering"),
    ("World Expo 2010", "World Exposition 2020"),
    ("China-ASEAN Expo", "China-Arab States Expo"),
])
def test_distinct_bodies_with_similar_names_stay_apart(first, second):
    text = f"{HEADLINE}{first} signed the deal.\n\nOfficials of {second} attended.\n"
    assert nc(text) == []


@pytest.mark.parametrize("first, second", [
    ("Brunei University", "University of Brunei"),
    ("Asian Association for Marine Biology", "Asian Association of Marine Biology"),
    ("HX Group", "Hongxing Group"),
    ("Xinwei Technology Group", "Xinwei Technologies Group"),
    ("Chengdu Games Expo", "Chengdu Games Exhibition"),
    ("China-ASEAN Expo", "China ASEAN Exposition"),
])
def test_one_name_written_two_ways(first, second):
    text = (f"{HEADLINE}{first} signed the deal.\n\n{first} hired staff.\n\n"
            f"Officials of {second} attended.\n")
    assert [f[0] for f in nc(text)] == ["NC02"]
    assert nc(text)[0][5] == second


def test_an_edition_number_is_not_part_of_the_name():
    text = (HEADLINE + "On Monday, the 21st China-ASEAN Expo opened in Nanning.\n\n"
            "Trade grew fast. China ASEAN Exposition has become a bridge for trade.\n")
    assert [(f[0], f[5]) for f in nc(text)] == [("NC02", "China ASEAN Exposition")]
    assert "use one name, 'China-ASEAN Expo'" in lint(text, ["NC02"])[0].message


def test_plain_shortening_is_not_a_variant():
    text = (HEADLINE + "Huawei Technologies Co., Ltd. signed the deal.\n\n"
            "Huawei Technologies will build the network.\n\nHuawei said so.\n")
    assert nc(text) == []
