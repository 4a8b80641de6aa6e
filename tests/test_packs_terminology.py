"""The terminology pack (TM) and the glossary name-consistency rule (NC01), on a release about
a Hangzhou e-commerce firm: wrong official names, provincial and city 'Ministries', deprecated
terms, one body named two ways, sister companies kept apart."""
from __future__ import annotations

import os

from tests.helpers import ROOT, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_ecommerce_release():
    assert found(read("packs_terminology_hangzhou_ecommerce.txt"), ["TM", "NC01"]) == [
        ("TM02", 3, 183, 3, 223, "Zhejiang Provincial Ministry of Commerce"),
        ("TM05", 5, 45, 5, 62, "One Belt One Road"),
        ("NC01", 5, 66, 5, 80, "Jingdong Group"),
        ("NC01", 5, 144, 5, 154, "Poly Group"),
        ("TM04", 7, 20, 7, 57, "Ministry of Commerce of Hangzhou City"),
        ("TM03", 7, 66, 7, 122, "Ministry of Commerce of Xinjiang Uygur Autonomous Region"),
        ("TM01", 9, 53, 9, 65, "Ningde Times"),
        ("TM06", 11, 28, 11, 74, "State Administration for Industry and Commerce"),
        ("TM01", 11, 123, 11, 161, "International Telecommunications Union"),
    ]


def suggestions(text: str, select) -> list[tuple[str, str]]:
    return [(f.rule, f.suggestion) for f in lint(text, select)]


def test_local_ministries_get_the_local_title():
    text = read("packs_terminology_hangzhou_ecommerce.txt")
    assert suggestions(text, ["TM02", "TM03", "TM04"]) == [
        ("TM02", "Zhejiang Provincial Department of Commerce"),
        ("TM04", "Hangzhou Municipal Bureau of Commerce"),
        ("TM03", "Department of Commerce of Xinjiang Uygur Autonomous Region"),
    ]


def test_any_province_not_only_the_seed_s():
    text = ("Backed by the Ministry of Housing and Urban-Rural Development of Hubei Province, "
            "the Ministry of Agriculture of Heilongjiang and the Yunnan Provincial Ministry of "
            "Science and Technology.\n")
    assert suggestions(text, ["TM02"]) == [
        ("TM02", "Hubei Provincial Department of Housing and Urban-Rural Development"),
        ("TM02", "Heilongjiang Provincial Department of Agriculture"),
        ("TM02", "Yunnan Provincial Department of Science and Technology"),
    ]


def test_national_ministries_are_not_flagged():
    text = ("The Ministry of Industry and Information Technology and the Ministry of Foreign "
            "Affairs of the People's Republic of China welcomed the plan. The Ministry of "
            "Commerce said Jiangsu Province would host the fair.\n")
    assert found(text, ["TM"]) == []


def test_wrong_name_defers_to_the_consistency_rule():
    text = ("Envision Group builds turbines. Vision Technology Group said orders rose.\n")
    assert found(text, ["TM01", "NC01"]) == [("NC01", 1, 33, 1, 56, "Vision Technology Group")]
    assert found("Vision Technology Group said orders rose.\n", ["TM01", "NC01"]) == [
        ("TM01", 1, 1, 1, 24, "Vision Technology Group")]


def test_name_variants_point_at_the_other_forms():
    text = "JD.com opened a depot. Jingdong Group said more would follow.\n"
    [f] = lint(text, ["NC01"])
    assert (f.text, f.suggestion) == ("Jingdong Group", "JD.com")
    assert [(r.line, r.column, r.text) for r in f.related] == [(1, 1, "JD.com")]


def test_sister_companies_are_not_variants():
    text = ("Envision Energy makes turbines; Envision Group owns it. China Mobile, China "
            "Unicom and China Telecom share towers with China Tower Corporation Limited.\n")
    assert found(text, ["TM", "NC01"]) == []


def test_names_are_case_sensitive():
    assert found("Global times reported the deal.\n", ["TM01"]) == [
        ("TM01", 1, 1, 1, 13, "Global times")]
    assert found("Global Times reported the deal.\n", ["TM01"]) == []


def test_former_names_are_info():
    [f] = lint("It was licensed by the State Intellectual Property Office in 2015.\n", ["TM06"])
    assert (f.severity, f.suggestion) == ("info", "China National Intellectual Property Administration")
