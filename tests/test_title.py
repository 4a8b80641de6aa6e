"""Headline rules (TI01-TI09): exact findings on releases about other organisations, on the
seed, and on the headlines each rule must leave alone."""
from __future__ import annotations

import os

import pytest

from tests.helpers import ROOT, SEED, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")
BODY = "\n\nThe company said so on Monday. It gave no other details.\n"


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


# ---- whole releases ---------------------------------------------------------------------
def test_fused_forum_release():
    assert found(read("title_fused_forum.txt"), ["TI"]) == [
        ("TI01", 1, 1, 1, 52, "Green Development Shared Future opens a new chapter"),
        # "... Forum held in Wuhan" is a passive participle (wire style), not a past tense
        ("TI06", 1, 91, 1, 99, "in Wuhan"),
    ]


def test_mixed_case_release():
    assert found(read("title_mixed_case.txt"), ["TI"]) == [
        ("TI02", 1, 1, 1, 76,
         "Midea Group Unveils new Heat Pump range for European homes 《Warm Home》 plan"),
        ("TI03", 1, 60, 1, 61, "《"),
        ("TI03", 1, 70, 1, 71, "》"),
    ]


def test_site_tail_release():
    assert found(read("title_site_tail.txt"), ["TI"]) == [
        ("TI08", 1, 48, 1, 72, " - Zhejiang News Network"),
        ("TI04", 1, 72, 1, 73, "."),
    ]


@pytest.mark.parametrize("name", ["title_clean_title_case.txt", "title_clean_sentence_case.txt",
                                  "dup_clean_bank.txt"])
def test_clean_headlines(name):
    assert found(read(name), ["TI"]) == []


def test_seed_headline():
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    assert found(text, ["TI"]) == [
        ("TI01", 1, 1, 1, 41, "Digital Future Smart connects everything"),
        ("TI06", 1, 83, 1, 108, "officially opened in Wuxi"),
        ("TI09", 1, 94, 1, 100, "opened"),
    ]


def test_seed_fused_slogan_message_gives_evidence():
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    [finding] = lint(text, ["TI01"])
    assert "from Title Case ('Digital Future Smart') to lower case at 'connects' and back at " \
           "'World'" in finding.message


# ---- TI01 / TI02 capitalisation ---------------------------------------------------------
@pytest.mark.parametrize("headline", [
    "Xi Jinping replies to letter from Chinese medical team in Central Africa",
    "Kuomintang Vice Chairman Xia Liyan conveys message during mainland visit",
    "Tencent unveils Hunyuan model at Digital Ecosystem Summit in Shenzhen",
    "World Internet of Things Exposition opens in Wuxi",
    "Lenovo And Xiaomi Sign Supply Agreement For Smart Devices",
    "EU summit debates refugee policy as arrivals rise",
])
def test_capitalisation_leaves_consistent_headlines(headline):
    body = ("\n\nThe Digital Ecosystem Summit and the World Internet of Things Exposition drew "
            "crowds. Central Africa and Vice Chairman Xia were named. The summit was busy.\n")
    assert found(headline + body, ["TI01", "TI02"]) == []


def test_mixed_case_title_case_with_lower_case_slip():
    text = "Acme Launches Smart Home hub For Older Users" + BODY
    assert [f.message for f in lint(text, ["TI02"])] == [
        "the headline mixes title case ('Launches', 'Smart', 'Home' capitalised) and sentence "
        "case ('hub' in lower case): pick one; wires use sentence case (capitalise the first "
        "word and names only)"]


def test_all_capitals_headline():
    assert found("ACME OPENS NEW PLANT IN HEFEI" + BODY, ["TI02"]) == [
        ("TI02", 1, 1, 1, 30, "ACME OPENS NEW PLANT IN HEFEI")]


def test_short_headline_not_judged_for_case():
    assert found("Acme Opens plant" + BODY, ["TI01", "TI02"]) == []


def test_brand_styled_in_lower_case_is_not_sentence_case():
    body = ("\n\nvivo opened its smart manufacturing center in Dongguan on Monday. The center "
            "will reach a capacity of 70 million phones a year, vivo said.\n")
    assert found("vivo Opens Smart Manufacturing Center in Dongguan, Capacity to Reach 70 "
                 "Million Phones" + body, ["TI02"]) == []
    assert found("Dongguan Welcomes vivo Smart Manufacturing Center With 5,000 Jobs" + body,
                 ["TI02"]) == []
    # a lower-case common word in the same headline is still a slip
    assert [f[0] for f in found("vivo Opens Smart Manufacturing center in Dongguan, Capacity "
                                "to Reach 70 Million Phones" + body, ["TI02"])] == ["TI02"]


# ---- TI03 / TI04 marks and final period -------------------------------------------------
def test_cjk_in_headline():
    assert found("海尔 opens plant in Qingdao" + BODY, ["TI03"]) == [("TI03", 1, 1, 1, 3, "海尔")]


@pytest.mark.parametrize("headline", [
    "Acme partners with Beta Inc.",
    "Acme expands in the U.S.",
    "Acme opens plant...",
    "Will Acme open a plant?",
])
def test_final_period_exceptions(headline):
    assert found(headline + BODY, ["TI04"]) == []


def test_final_period_fix_is_safe():
    [finding] = lint("Acme opens plant in Hefei." + BODY, ["TI04"])
    assert (finding.fix.applicability, finding.fix.edits[0].offset, finding.fix.edits[0].text) \
        == ("safe", 25, "")


# ---- TI05 / TI06 length -----------------------------------------------------------------
def test_length_thresholds():
    words = "Acme signs deal with Hefei on batteries"          # 39 characters
    h95 = words + " and solar panels for homes and offices in Anhui Province and beyond"
    assert len(h95) == 107
    assert [c for c, *_ in found(h95 + BODY, ["TI05", "TI06"])] == ["TI06"]
    h130 = h95 + " over ten years at two sites"
    assert [c for c, *_ in found(h130 + BODY, ["TI05", "TI06"])] == ["TI05"]
    assert found(words + BODY, ["TI05", "TI06"]) == []


def test_length_ignores_site_tail():
    headline = "Acme signs a battery supply deal with the city of Hefei for its new plants"
    assert found(headline + " - Anhui Daily Network - Rolling News" + BODY, ["TI06"]) == []


# ---- TI07 comma splice ------------------------------------------------------------------
@pytest.mark.parametrize("headline", [
    "Acme founder died on Sunday, once led the firm for 30 years",
    "Iran marks anniversary, says protests are over",
    "Under the new plan, the city will build 20 parks",
])
def test_comma_splice_leaves_shared_subjects(headline):
    assert found(headline + BODY, ["TI07"]) == []


def test_comma_between_passive_participle_clauses_is_wire_style():
    headline = "2024 Silk Road Cultural Expo Held in Gansu, Deals Worth 45 Billion Yuan Signed"
    assert found(headline + BODY, ["TI07"]) == []


def test_comma_splice_found():
    text = "Iran commemorates revolution anniversary, hackers supporting protests hacked TV" + BODY
    assert found(text, ["TI07"]) == [("TI07", 1, 41, 1, 42, ",")]


# ---- TI08 site tails --------------------------------------------------------------------
@pytest.mark.parametrize("headline,tail", [
    ("Acme opens plant in Suzhou-Chinanews.com", "-Chinanews.com"),
    ("Acme opens plant in Suzhou - Rolling News - Hunan Daily - Huasheng Online",
     " - Rolling News - Hunan Daily - Huasheng Online"),
    ("Acme opens plant in Suzhou – International", " – International"),
    ("Acme opens plant in Suzhou_china-net", "_china-net"),
    ("Geely and Renault sign powertrain deal - Sina Finance", " - Sina Finance"),
    ("Geely and Renault sign powertrain deal_Sohu", "_Sohu"),
    ("Geely and Renault sign powertrain deal - Finance - Sina", " - Finance - Sina"),
])
def test_site_tails(headline, tail):
    assert [t for *_, t in found(headline + BODY, ["TI08"])] == [tail]


def test_pipe_prefix():
    assert [t for *_, t in found("Face-to-face | Acme chief on the next decade" + BODY,
                                 ["TI08"])] == ["Face-to-face | "]


@pytest.mark.parametrize("headline", [
    "HANOI – Vietnamese prime minister visits Brunei university",
    "Acme and Beta - a rivalry that shapes the battery market",
    "Xinhua News Agency commentator: reform is a long project",
    "Acme signs cloud deal with Sina - a first for the portal",
    "Acme and Tencent - partners in cloud gaming",
])
def test_not_site_tails(headline):
    assert found(headline + BODY, ["TI08"]) == []


# ---- TI09 past tense --------------------------------------------------------------------
@pytest.mark.parametrize("headline", [
    "Plant was opened in Hefei on Monday",
    "Acme has reached a deal with Beta",
    "United Airlines adds flights to Chengdu",
    "Products made by Acme win design award",
    "Newly launched phone sells out",
])
def test_past_tense_leaves_other_forms(headline):
    assert found(headline + BODY, ["TI09"]) == []


@pytest.mark.parametrize("headline, verb, present", [
    ("HIT Team Made Major Breakthrough in Battery Research", "Made", "Makes"),
    ("Researchers found new alloy for batteries", "found", "finds"),
])
def test_irregular_past_in_title_case_and_sentence_case(headline, verb, present):
    [finding] = lint(headline + BODY, ["TI09"])
    assert (finding.text, finding.suggestion) == (verb, present)


def test_title_case_name_with_an_ed_word_is_left_alone():
    assert found("Asia Pacific Shared Future Forum Opens in Beijing" + BODY, ["TI09"]) == []


@pytest.mark.parametrize("headline", [
    # passive participles: a transitive verb with no object after it
    "Contracts Worth 320 Billion Yuan Signed",
    "Agreement Signed",
    "Cooperation Agreement Signed Between Acme and Beta",
    "2023 China (Ya'an) Tibetan Tea Culture Festival Held in Sichuan",
    "First China-Africa Trade Expo Successfully Held in Changsha",
    "Two new cargo routes launched at Zhengzhou airport",
    "Ningbo trade fair held in Ningbo, 300 exhibitors attend",
    "Hefei battery plant put into operation",
    # adjectives and participles after the headline's own verb, or after a comma
    "Acme unveils upgraded phone for older users",
    "Acme launches improved battery as demand keeps rising",
    "Acme's new phone, launched Monday, sells out",
    # -ing forms are never past tense
    "Rising exports lift Ningbo port output",
    "Exports rising as Ningbo port expands",
])
def test_past_tense_leaves_participles_and_adjectives(headline):
    assert found(headline + BODY, ["TI09"]) == []


@pytest.mark.parametrize("headline, verb", [
    ("Acme held talks with Beta in Beijing", "held"),
    ("Acme signed agreement with Beta", "signed"),
    ("Expo Opened in Wuxi", "Opened"),                # 'open' is intransitive too
    ("Yunnan coffee exports reached record high", "reached"),
    ("Dong Wenbiao passed away at 90", "passed"),
    ("Forum on Green Finance Concluded in Nanjing", "Concluded"),
    ("Zheng Yonggang, founder of Shanshan, died of a heart attack", "died"),
    ("Xia Liyan, vice chairman of the party, conveyed greetings to the mainland", "conveyed"),
])
def test_past_tense_still_finds_finite_verbs(headline, verb):
    assert [f[5] for f in found(headline + BODY, ["TI09"])] == [verb]


def test_past_tense_suggests_present():
    [finding] = lint("Acme chairman met Beta chief in Shanghai" + BODY, ["TI09"])
    assert (finding.text, finding.suggestion) == ("met", "meets")


# ---- formats ----------------------------------------------------------------------------
def test_markdown_heading_is_the_headline():
    text = "# Acme opens plant in Hefei.\n\nThe company said so on Monday.\n"
    assert [c for c, *_ in found(text, ["TI04"], fmt="markdown")] == ["TI04"]


# ---- TI01: a capital 'The' restarting the headline -------------------------------------------
def test_slogan_followed_by_a_capital_the():
    text = ("Open cooperation Win-win future The 21st China-ASEAN Expo grandly opened in Nanning"
            + BODY)
    assert found(text, ["TI01"]) == [("TI01", 1, 1, 1, 32, "Open cooperation Win-win future")]


@pytest.mark.parametrize("headline", [
    "Xi tells The Economist editor about reform plans",
    "Premier Li visits The Hague for climate talks",
    "Why Acme Chose The Cloud For Its New Data Platform",
])
def test_a_capital_the_of_a_name_or_of_title_case_is_not_a_slogan(headline):
    assert found(headline + BODY, ["TI01"]) == []
