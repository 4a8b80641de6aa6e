"""Duplication rules (DU01-DU05) and the list-fragment rule GB01: exact findings on
releases about other organisations, on the seed, and on the cases each rule must leave
alone."""
from __future__ import annotations

import os

import pytest

from tests.helpers import ROOT, SEED, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


# ---- whole releases ---------------------------------------------------------------------
def test_solar_expo_release_defects():
    assert found(read("dup_solar_expo.txt"), ["DU", "GB01"]) == [
        ("DU01", 3, 131, 3, 138, "the the"),
        ("DU03", 5, 166, 5, 195, "LONGi Green Energy Technology"),
        ("GB01", 5, 219, 5, 227, "etc. Ltd"),
        ("DU02", 7, 42, 7, 62, "real-time monitoring"),
        ("DU05", 9, 104, 9, 125, "photovoltaic industry"),
        ("DU04", 15, 1, 15, 90, "The expo runs until Friday and is open to trade visitors "
                                "from 9 a.m. to 5 p.m. every day."),
    ]


def test_clean_bank_release_has_no_duplication():
    # "that that", "had had", similar but distinct banks, "Paris, France, Lyon, France",
    # a lead restating the headline
    assert found(read("dup_clean_bank.txt"), ["DU", "GB01"]) == []


def test_seed_duplication_items():
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    assert found(text, ["DU", "GB01"]) == [
        ("DU05", 4, 510, 4, 522, "IoT industry"),
        ("GB01", 8, 881, 8, 889, "etc. Ltd"),
        ("DU03", 8, 891, 8, 902, "Haier Group"),
    ]


# ---- DU01 doubled word ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "She had had enough of the delays.\n",
    "He said that that plan would fail.\n",
    "The pianist Lang Lang played on Friday.\n",
    "The score was 20 20 at half time.\n",
    "Wuxi\n\nWuxi is a city in Jiangsu.\n",
    "Bye bye, said the mascot.\n",
    "What it is is a new market for the group.\n",
    "All the plant needed was was more power.\n",
])
def test_doubled_word_leaves_grammatical_doubles(text):
    assert found(text, ["DU01"]) == []


def test_doubled_word_fix_keeps_one():
    findings = [f for f in lint("Sales rose in in May.\n", ["DU01"])]
    assert [(f.text, f.fix.applicability, f.fix.edits[0].text) for f in findings] == [
        ("in in", "safe", "in")]


def test_doubled_word_run_is_one_finding_and_one_fix():
    findings = lint("Sales rose in in in May.\n", ["DU01"])
    assert [(f.text, f.message, f.fix.edits[0].text) for f in findings] == [
        ("in in in", "'in' is written 3 times in a row: keep one", "in")]


@pytest.mark.parametrize("text", [
    "Acme opens plant\n\nFont size: A A A\n\nThe plant opens in May.\n",
    "Acme opens plant\n\nPrint | Close | Font: A A A | Share\n\nThe plant opens in May.\n",
    "Acme opens plant\n\nText size [ A A ]\n\nThe plant opens in May.\n",
    "Acme opens plant\n\nThe wall reads 好好学习 天天 向上 and 我们 我们 are here. 谢谢 谢谢.\n",
])
def test_doubled_word_leaves_font_size_widgets_and_chinese(text):
    assert found(text, ["DU01"]) == []


def test_doubled_single_letter_before_prose_is_still_a_doubled_article():
    assert found("Acme news\n\nA A new plant opens in May.\n", ["DU01"]) == [
        ("DU01", 3, 1, 3, 4, "A A")]


def test_doubled_word_capitalised_first():
    assert found("The the plant opened.\n", ["DU01"]) == [("DU01", 1, 1, 1, 8, "The the")]


def test_doubled_word_in_hard_wrapped_paragraph():
    text = ("The company said on Monday that it would open a second plant in the\n"
            "the city of Hefei next year, creating about two thousand new jobs there.\n"
            "It gave no figure for the cost of the plant or for the output it expects.\n")
    assert found(text, ["DU01"]) == [("DU01", 1, 65, 2, 4, "the\nthe")]


def test_doubled_is_outside_a_what_or_all_clause_is_flagged():
    assert found("The new plant is is ready.\n", ["DU01"]) == [("DU01", 1, 15, 1, 20, "is is")]


def test_allow_option_extends_grammatical_doubles():
    assert found("The new plant is is ready.\n", ["DU01"], options={"DU01": {"allow": ["is"]}}) == []
    assert found("The new plant is is ready.\n", ["DU01"]) == [("DU01", 1, 15, 1, 20, "is is")]


# ---- DU02 repeated phrase ---------------------------------------------------------------
def test_repeated_phrase_chain_is_one_finding():
    text = "Buyers want green bonds green bonds green bonds now.\n"
    findings = lint(text, ["DU02"])
    assert [(f.text, f.message) for f in findings] == [
        ("green bonds green bonds",
         "'green bonds' is written 3 times in a row: delete the repeats and keep one copy")]
    assert [r.text for r in findings[0].related] == ["green bonds"]


@pytest.mark.parametrize("text", [
    "Demand grew stronger and stronger in May.\n",
    "Prices rose more and more each week.\n",
    "Call 010 8888 010 8888 for tickets.\n",
    "It offers monitoring, monitoring and alerts.\n",
])
def test_repeated_phrase_leaves_idioms_and_numbers(text):
    assert found(text, ["DU02"]) == []


def test_about_heading_and_the_sentence_under_it_are_not_a_repeat():
    text = ("Sales rose.\n\nAbout the Zhejiang Provincial Department of Commerce\n"
            "The Zhejiang Provincial Department of Commerce is the provincial trade body.\n")
    assert found(text, ["DU02"]) == []
    # a phrase repeated across a hard-wrapped line, same case, is still found
    text = ("Sales rose.\n\nThe plant will make solid-state batteries solid-state\n"
            "batteries for export.\n")
    assert found(text, ["DU02"]) == [("DU02", 3, 43, 4, 10, "solid-state\nbatteries")]


# ---- DU03 duplicate list item -----------------------------------------------------------
def test_duplicate_item_ignores_case_article_and_legal_suffix():
    text = "Partners are Haier Group, Midea Group, the Gree Electric, HAIER GROUP Co., Ltd. and TCL.\n"
    findings = lint(text, ["DU03"])
    assert [(f.text, f.related[0].text) for f in findings] == [
        ("HAIER GROUP Co., Ltd", "Haier Group")]


@pytest.mark.parametrize("text", [
    "Members are China Telecom, China Mobile, China Unicom and China Tower.\n",
    "Offices in Paris, France, Lyon, France and Milan, Italy opened.\n",
    "The scores were 9, 8, 9 and 7.\n",
    "Guests came from Envision Energy, Envision Group, Envision Digital and Haier.\n",
])
def test_duplicate_item_leaves_distinct_items(text):
    assert found(text, ["DU03"]) == []


@pytest.mark.parametrize("text, repeat", [
    ("Guests came from Haier Group, Lenovo Group, Haier Group, TCL Group and Midea Group.\n",
     (1, 45, 1, 56, "Haier Group")),
    ("Guests came from TCL, Haier Group, Lenovo, Haier Group and Midea.\n",
     (1, 44, 1, 55, "Haier Group")),
    # an odd number of items that the repeated value does not close: no list of pairs
    ("Officials said the relocation of universities, hospitals, schools, hospitals and parks "
     "is under way.\n", (1, 68, 1, 77, "hospitals")),
    # a common noun in lower case qualifies no item before it, even in a list of four
    ("The equipment includes alkaline electrolyzers, compressors, storage tanks and "
     "compressors.\n", (1, 79, 1, 90, "compressors")),
])
def test_duplicate_item_two_apart_is_not_a_qualifier(text, repeat):
    # "Paris, France, Lyon, France" alternates a place after the item it qualifies; a first
    # item, or an organisation, repeated two apart is a plain duplicate
    assert found(text, ["DU03"]) == [("DU03", *repeat)]


def test_duplicate_item_inside_a_pair_of_names_the_list_goes_on_after():
    text = ("Exhibitors include Kweichow Moutai, Wuliangye, Luzhou Laojiao, Yanghe, Wuliangye and "
            "Xijiu, as well as wineries from France, Italy and Georgia.\n")
    assert found(text, ["DU03"]) == [("DU03", 1, 72, 1, 81, "Wuliangye")]


@pytest.mark.parametrize("text", [
    "Partners include the Ministry of Culture, the Ministry of Culture and Tourism, Acme and "
    "Beta, as well as local firms.\n",
    "Venues include Harbin Ice, Harbin Ice and Snow World, Sun Island, as well as parks.\n",
])
def test_names_joined_by_and_stay_whole_when_not_two_plain_names(text):
    assert found(text, ["DU03"]) == []


def test_duplicate_item_leaves_a_quoted_chant():
    text = '"Dare to leap, dare to leap, dare to leap," the staff chanted at the opening.\n'
    assert found(text, ["DU03"]) == []
    quoted_list = ('He said: "Our partners are Haier Group, Midea Group, Gree Electric, Haier '
                   'Group and TCL. We thank every one of them for their support this year."\n')
    assert [f[5] for f in found(quoted_list, ["DU03"])] == ["Haier Group"]


def test_duplicate_item_in_markdown_list():
    text = "# Sponsors\n\n- Lenovo Group\n- Xiaomi\n- Lenovo Group Ltd\n"
    assert found(text, ["DU03"], fmt="markdown") == [("DU03", 5, 3, 5, 19, "Lenovo Group Ltd")]


# ---- GB01 list fragment -----------------------------------------------------------------
def test_fragment_etc_in_the_middle_of_a_list():
    text = "Backers include Lenovo Group, etc., Xiaomi, BYD and Geely.\n"
    assert found(text, ["GB01"]) == [("GB01", 1, 31, 1, 34, "etc")]


def test_fragment_etc_glued_to_suffix_outside_a_list():
    assert found("It thanked Lenovo Group etc. Co., Ltd for its help.\n", ["GB01"]) == [
        ("GB01", 1, 25, 1, 38, "etc. Co., Ltd")]


@pytest.mark.parametrize("text", [
    "Backers include Lenovo, Xiaomi, BYD, etc.\n",
    "Its partners are Sunrise Fibers, Hengtai Chemicals, etc. and other suppliers.\n",
])
def test_fragment_closing_etc_is_left_alone(text):
    # a closing "etc." is fine; "etc. and other" is GB02's (redundant-etc) finding
    assert found(text, ["GB01"]) == []


@pytest.mark.parametrize("text", [
    "Modernisation covers fields such as economy, culture, ecology, and defence, etc., requires "
    "long-term planning, and calls for reform.\n",
    "The plan covers the economy, politics, culture, etc., and all aspects of governance.\n",
    "Backers such as Lenovo, Xiaomi, BYD, etc., said they would invest more, hire more.\n",
])
def test_etc_closing_a_list_inside_a_longer_comma_series_is_left_alone(text):
    # the splitter keeps the clause after "etc.," in the series; no name follows the "etc."
    assert found(text, ["GB01"]) == []


# ---- DU04 repeated sentence -------------------------------------------------------------
def test_repeated_sentence_related_points_to_first():
    text = ("Acme opened a plant in Hefei on Monday.\n"
            "It will employ 300 people.\n"
            "Acme opened a plant in Hefei on Monday.\n")
    findings = lint(text, ["DU04"])
    assert [(f.line, f.message) for f in findings] == [
        (3, "this sentence repeats the sentence on line 1: delete one, or merge what "
            "differs into the first")]
    assert [(r.line, r.text) for r in findings[0].related] == [
        (1, "Acme opened a plant in Hefei on Monday.")]


def test_repeated_sentence_threshold_option():
    text = ("Acme expands in Anhui\n\n"
            "Acme opened a new battery plant in Hefei on Monday morning. The plant makes "
            "batteries. Acme opened a new battery plant in Wuhu on Friday morning.\n")
    assert found(text, ["DU04"]) == []
    assert len(found(text, ["DU04"], options={"DU04": {"threshold": 70.0}})) == 1


def test_headline_restated_by_lead_is_not_a_repeat():
    text = ("Acme opens battery plant in Hefei with 300 new jobs\n\n"
            "Acme opens a battery plant in Hefei with 300 new jobs.\n\n"
            "Production starts in May.\n")
    assert found(text, ["DU04"]) == []
    assert len(found(text, ["DU04"], options={"DU04": {"include_head": True}})) == 1


HARBIN_HEAD = "Harbin Hosts Northeast Asia Ice Sports Forum With 300 Guests\n"
HARBIN_LEAD = ("Harbin hosts Northeast Asia ice sports forum with 300 guests. Coaches from Japan, "
               "Korea and Mongolia attended and signed three agreements.\n")
HARBIN_BODY = "\nThe forum was organised by the city sports bureau. It meets again next year.\n"


@pytest.mark.parametrize("furniture", [
    "\nRelease time: 2024-01-08 09:12\n\nSource: Harbin Daily\n\nReporter: Li Ming\n\n",
    "Release time: 2024-01-08 09:12    Source: Harbin Daily\nFont size: large medium small\n\n",
    "\n(Harbin, January 8)\n\n",
])
def test_lead_restating_headline_after_datelines_and_credits_is_not_a_repeat(furniture):
    text = HARBIN_HEAD + furniture + HARBIN_LEAD + HARBIN_BODY
    assert found(text, ["DU04"]) == []


def test_lead_restating_headline_under_a_date_strip_is_not_a_repeat():
    text = "Today is Monday, January 8, 2024\n" + HARBIN_HEAD + "\n" + HARBIN_LEAD + HARBIN_BODY
    assert found(text, ["DU04"]) == []


def test_a_body_sentence_repeated_after_the_lead_is_still_reported():
    text = (HARBIN_HEAD + "\nSource: Harbin Daily\n\n" + HARBIN_LEAD + HARBIN_BODY
            + "\nCoaches from Japan, Korea and Mongolia attended and signed three agreements.\n")
    assert [f[1] for f in found(text, ["DU04"])] == [9]
    # and the headline restated further down than the lead is a repeat
    late = HARBIN_HEAD + "\nSource: Harbin Daily\n\nThe forum opened on Monday.\n" + HARBIN_BODY + "\n" \
        + HARBIN_LEAD
    assert [f[1] for f in found(late, ["DU04"])] == [9]


WORDS = ("plant city steel output rose fell board said shares bank loan port cargo power grid "
         "solar wind coal price market export import tax fund bond rate growth demand supply "
         "chip phone car battery station line route").split()


def test_repeated_sentence_many_sentences():
    import random
    rng = random.Random(7)
    body = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."
            for _ in range(3000)]
    body.insert(2500, body[10])
    findings = lint("\n".join(body) + "\n", ["DU04"])
    assert [(f.line, f.related[0].line) for f in findings] == [(2501, 11)]


# ---- DU05 phrase repeated in a sentence -------------------------------------------------
def test_phrase_thrice_not_across_commas_or_names():
    assert found("Xi Jinping met Xi Jinping aides, and Xi Jinping spoke.\n", ["DU05"]) == []
    assert found("Units of Acme Co., Ltd, Beta Co., Ltd, Gamma Co., Ltd and Delta joined.\n",
                 ["DU05"]) == []


@pytest.mark.parametrize("text", [
    # officials' titles, each qualifying its own name
    "The ceremony was attended by Zhang Wei, vice governor of Fujian Province, Li Qiang, vice "
    "governor of Zhejiang Province, and Wang Fang, vice governor of Jiangxi Province.\n",
    # statistics: each copy goes with its own figure
    "Exports rose 5 percent year on year, imports rose 3 percent year on year, and total trade "
    "rose 4.2 percent year on year.\n",
    "The average download rate reaches 500Mbps, the uplink rate reaches 100Mbps, and the "
    "download rate in key areas reaches 1000Mbps.\n",
    "Exports of tea reached 1.2 billion yuan, exports of machinery reached 3.4 billion yuan and "
    "exports of textiles reached 2.1 billion yuan.\n",
    # items of a list sharing a modifier, clauses repeating their opening
    "The accounts hold four products: personal pension savings, personal pension insurance, "
    "personal pension funds and bank deposits.\n",
    "We need to enhance foresight, planning ahead; we need to enhance coherence, solving major "
    "issues; we need to enhance stability, persisting in the long term.\n",
    # a quoted slogan
    'Under the slogan "Fujian tea, Fujian tea culture, Fujian tea for the world", the expo '
    "welcomed 300 exhibitors.\n",
])
def test_phrase_thrice_leaves_repetition_the_content_needs(text):
    assert found(text, ["DU05"]) == []


@pytest.mark.parametrize("text", [
    "The city will build the tea industry park next to the tea industry museum near the tea "
    "industry school.\n",
    # a quotation does not hide the copies outside it
    'The expo, themed "Fujian tea", supports the tea industry, upgrades the tea industry and '
    "expands the global tea industry.\n",
    # parallel parts, but the copies qualify nothing in them
    "The fund will back the solar industry, upgrade the solar industry, and grow the solar "
    "industry abroad.\n",
])
def test_phrase_thrice_still_finds_padding(text):
    assert [f[0] for f in found(text, ["DU05"])] == ["DU05"]


def test_repeated_phrase_leaves_a_quoted_chant_but_not_a_loop_in_a_long_quote():
    assert found('The crowd chanted "Go Fuzhou Go Fuzhou Go Fuzhou" at the final.\n', ["DU02"]) == []
    quote = ('He said: "We will ensure the stable supply of grain ensure the stable supply of grain '
             'for the people of the whole province this year."\n')
    assert [f[5] for f in found(quote, ["DU02"])] == ["ensure the stable supply of grain"]


def test_phrase_thrice_reports_longest_phrase_once():
    text = ("We back the global solar industry, fund the global solar industry and grow the "
            "global solar industry.\n")
    assert found(text, ["DU05"]) == [("DU05", 1, 80, 1, 101, "global solar industry")]


def test_repeated_sentence_blocking_recall():
    """Every pair at ratio >= 90 is found, as a brute-force comparison finds it."""
    import random

    from rapidfuzz import fuzz
    rng = random.Random(11)
    sentences = []
    for _ in range(150):
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 24))]
        sentences.append(words)
        copy = list(words)
        for _ in range(rng.randint(1, 2)):
            copy[rng.randrange(len(copy))] = rng.choice(WORDS)
        sentences.append(copy)
    rng.shuffle(sentences)
    lines = [" ".join(w).capitalize() + "." for w in sentences]
    norm = [" ".join(w) for w in sentences]
    expected = set()
    for j in range(len(norm)):
        if any(norm[j] == norm[i] or fuzz.ratio(norm[i], norm[j]) >= 90 for i in range(j)):
            expected.add(j + 3)                     # line of sentence j after a 2-line head
    text = "Head line\n\n" + "\n".join(lines) + "\n"
    assert len(expected) > 100
    assert {f.line for f in lint(text, ["DU04"])} == expected
