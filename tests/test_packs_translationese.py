"""The translationese pack (TR): stock MT phrases with exact spans and suggestions, on a
release about a Shenzhen battery maker; the gold "neutral" phrases are never flagged."""
from __future__ import annotations

import os

import pytest

from tests.helpers import ROOT, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")
NEUTRAL = ("In recent years", "officially opened", "was officially opened", "IoT",
           "Internet of Things", "at the conference", "acquisition", "has reached convergence")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_battery_summit_release():
    assert found(read("packs_translationese_shenzhen_battery.txt"), ["TR"]) == [
        ("TR01", 3, 69, 3, 116, '(hereinafter referred to as "GBA Battery 2023")'),
        ("TR03", 3, 187, 3, 200, "The elites of"),
        ("TR02", 5, 1, 5, 20, "It is reported that"),
        ("TR07", 5, 64, 5, 83, "successfully signed"),
        ("TR03", 5, 105, 5, 125, "in concentrated form"),
        ("TR05", 7, 34, 7, 54, "vigorously developed"),
        ("TR04", 7, 81, 7, 103, "accelerate the pace of"),
        ("TR04", 7, 104, 7, 122, "mutual cooperation"),
        ("TR04", 7, 141, 7, 162, "key core technologies"),
        ("TR03", 7, 177, 7, 194, "give full play to"),
        ("TR05", 7, 230, 7, 246, "do a good job in"),
        ("TR02", 9, 1, 9, 28, "It is worth mentioning that"),
        ("TR06", 9, 152, 9, 163, "Our company"),          # the quoted one on line 11 is not
        ("TR03", 11, 125, 11, 148, "Organizations and units"),
        ("TR03", 13, 1, 13, 13, "Interlocutor"),
    ]


def test_neutral_phrases_are_never_flagged():
    text = read("packs_translationese_shenzhen_battery.txt")
    hits = [f for f in lint(text, ["ALL"]) if any(n in f.text for n in NEUTRAL)]
    assert hits == []
    text = ("In recent years the Internet of Things (IoT) industry has grown. The park was "
            "officially opened in May, and the acquisition was announced at the conference. "
            "Planning has reached convergence.\n")
    assert found(text, ["TR", "BP", "TM", "NC01"]) == []


def test_hereinafter_suggests_the_bare_short_name():
    [f] = lint("The Hunan Auto Show (hereinafter referred to as “HAS”) opens today.\n", ["TR01"])
    assert (f.text, f.suggestion) == ("(hereinafter referred to as “HAS”)", "(HAS)")
    assert f.fix.applicability == "unsafe"
    [f] = lint("Sinoboat Co. (hereinafter called the Company) grew.\n", ["TR01"])
    assert f.suggestion == "(Company)"


@pytest.mark.parametrize("text, match, suggestion", [
    ("Exports rose, it is learned that orders grew.", "it is learned that", None),   # advice only
    ("They will speed up the pace of reform.", "speed up the pace of", "accelerate"),
    ("It shows new innovations in storage.", "new innovations", "innovations"),
    ("The forum was successfully held in Xi'an.", "successfully held", "held"),
    ("Successfully held in Xi'an, the forum drew 300 firms.", "Successfully held", "Held"),
    ("The city will vigorously push forward exports.", "vigorously push forward", "push forward"),
    ("Firms are actively participating in the fair.", "actively participating", "participating"),
    ("The expo was grandly opened in Nanning.", "grandly opened", "opened"),
    ("Mayor Li and the relevant leaders of the city attended.", "the relevant leaders", "officials"),
    ("The city attached great importance to exports.", "attached great importance to",
     "prioritize"),
    ("Relevant departments will inspect the site.", "Relevant departments", "the authorities"),
])
def test_phrase_suggestions(text, match, suggestion):
    [f] = lint(text + "\n", ["TR"])
    assert (f.text, f.suggestion) == (match, suggestion)


def test_interlocutor_only_as_a_contact_label():
    assert found("Contact\nInterlocutor: Ma Jun\n", ["TR03"]) == [
        ("TR03", 2, 1, 2, 13, "Interlocutor")]
    assert found("The minister's interlocutor: a trade envoy from Peru.\n", ["TR03"]) == []


def test_institutional_voice_skips_quotations():
    text = ('"Our company will double output," said Li Na. Our company signed the deal.\n')
    assert found(text, ["TR06"]) == [("TR06", 1, 47, 1, 58, "Our company")]


def test_high_risk_phrases_are_off_unless_selected():
    text = "Both sides agreed to cooperate. It is necessary to act.\n"
    assert [f for f in lint(text) if f.rule.startswith("TR")] == []
    assert found(text, ["TR09"]) == [("TR09", 1, 1, 1, 11, "Both sides"),
                                     ("TR09", 1, 33, 1, 51, "It is necessary to")]


def test_info_rules_are_info():
    severities = {f.rule: f.severity for f in lint(
        "The expo was successfully held. Relevant departments agreed. Our city grew.\n", ["TR"])}
    assert severities == {"TR07": "info", "TR08": "info", "TR06": "info"}


def test_new_innovation_before_a_noun_is_a_place_not_a_redundancy():
    text = "It shows new innovation in storage and opens a new innovation center in Wuhan.\n"
    assert found(text, ["TR04"]) == [("TR04", 1, 10, 1, 24, "new innovation")]


def test_institutional_voice_of_a_university_or_bank():
    text = ("Our university has set up a joint lab. \"Our bank will lend more,\" said Liu Yang.\n")
    assert found(text, ["TR06"]) == [("TR06", 1, 1, 1, 15, "Our university")]
