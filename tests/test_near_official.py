"""NC15 near-official-name: a national body's name one translated word off its official name,
on sentences written for this test about bodies the seed does not mention, and the look-alikes
it must leave alone (foreign ministries, correct names followed by more capitals, names two
official names fit)."""
from __future__ import annotations

import pytest

from tests.helpers import lint


def found(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in lint(text + "\n", ["NC15"]) if not f.suppressed]


@pytest.mark.parametrize("text, written, official", [
    ("The Ministry of Culture and Travel will fund 40 night markets.",
     "Ministry of Culture and Travel", "Ministry of Culture and Tourism"),
    ("The Ministry of Housing and Urban-Rural Construction issued rules on rentals.",
     "Ministry of Housing and Urban-Rural Construction",
     "Ministry of Housing and Urban-Rural Development"),
    ("Inspectors of the Ministry of Ecology and Environmental Protection's office arrived.",
     "Ministry of Ecology and Environmental Protection", "Ministry of Ecology and Environment"),
    ("The Ministry of Public Safety said the case was closed.",
     "Ministry of Public Safety", "Ministry of Public Security"),
    ("The Ministry of Emergency Administration sent 200 rescuers.",
     "Ministry of Emergency Administration", "Ministry of Emergency Management"),
    ("The Ministry of Natural Resource approved the survey.",
     "Ministry of Natural Resource", "Ministry of Natural Resources"),
    ("The National Medical Products Management approved the vaccine.",
     "National Medical Products Management", "National Medical Products Administration"),
])
def test_one_word_off(text, written, official):
    assert found(text) == [(written, official)]


@pytest.mark.parametrize("text", [
    "The Ministry of Culture and Tourism Minister Hu Heping spoke at the opening.",
    "The Ministry of Foreign Affairs Spokesperson Wang Wenbin answered questions.",
    "The Ministry of Commerce Department of Foreign Trade said exports rose.",
    "Japan's Ministry of Economy, Trade and Industry agreed to the plan.",
    "South Korea's Ministry of Science and ICT signed the memorandum.",
    "The Korean Ministry of Culture and Sports sent a delegation.",
    "The Ministry of Culture, Sports and Tourism of Korea sent a delegation.",
    "The Ministry of Agriculture and Rural Affairs and the National Forestry and Grassland "
    "Administration issued a joint notice.",
    "The National Bureau of Statistics said output rose during the National Day holiday.",
    "The State Council Information Office held a briefing on State Grid's results.",
])
def test_right_names_and_foreign_bodies_are_left_alone(text):
    assert found(text) == []


def test_the_fix_writes_the_official_name():
    [f] = lint("The Ministry of Culture and Travel will fund night markets.\n", ["NC15"])
    assert f.fix is not None and f.fix.applicability == "unsafe"
    assert f.fix.edits[0].text == "Ministry of Culture and Tourism"
