"""The boilerplate pack (BP): web furniture, credits, captions and end marks, with exact spans,
on releases about other organisations than the seed's; the furniture predicate shared with the
headline reader (qa/text/furniture.py), and the headline found below furniture."""
from __future__ import annotations

import os

import pytest

from qa.document import document_from_text
from qa.document.markup.plain import plain_title
from qa.text.furniture import furniture_kind, furniture_prefix
from tests.helpers import ROOT, found, lint, texts

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_scraped_expo_release():
    assert found(read("packs_boilerplate_hubei_expo.txt"), ["BP"]) == [
        ("BP06", 1, 1, 1, 28, "Home >> News >> Exhibitions"),
        ("BP07", 4, 1, 4, 54, "Source: Hubei Expo Online Time: 2023-05-12 Hits: 1386"),
        ("BP02", 8, 1, 8, 65, "Visitors try a rice transplanter at the expo (Photo by Chen Hao)"),
        ("BP02", 10, 119, 10, 135, "(Xinhua/Liu Wei)"),
        ("BP02", 12, 1, 12, 49, "Photo shows a plant-protection drone on display."),
        ("BP03", 14, 127, 14, 158, "(Web editor: Li Qiang, Wang Yu)"),
        ("BP08", 16, 1, 16, 19, "(Reporter Gao Yan)"),
        ("BP03", 18, 1, 18, 30, "Responsible editor: Zhou Ping"),
        ("BP04", 20, 1, 20, 6, "(End)"),
        ("BP06", 22, 1, 22, 16, "Related Stories"),
        ("BP06", 24, 1, 24, 15, "Share on Weibo"),
        ("BP05", 26, 1, 26, 57, "Copyright © 2023 Hubei Expo Online. All Rights Reserved."),
        ("BP01", 28, 1, 28, 14, "Leave a Reply"),
        ("BP01", 30, 1, 30, 71,
         "Your email address will not be published. Required fields are marked *"),
        ("BP01", 35, 9, 35, 20, "Send e-mail"),
    ]


def test_end_marks_only_mid_text():
    # The first "###" is followed by more copy; the second closes the release before the
    # About section and the contact block, as wire releases do.
    assert found(read("packs_boilerplate_anhui_solar.txt"), ["BP"]) == [
        ("BP04", 5, 1, 5, 4, "###"),
        ("BP04", 9, 1, 9, 10, "-- End --"),
    ]


def test_release_end_marks_at_the_end_are_legitimate():
    for mark in ("###", "-30-", "ENDS", "- 30 -"):
        text = f"Sales rose 4%.\n\n{mark}\n\nAbout Example Co.\nExample Co. makes pumps.\n"
        assert found(text, ["BP04"]) == [], mark
        assert found(f"Sales rose 4%.\n\n{mark}\n", ["BP04"]) == [], mark
    assert found("Sales rose 4%.\n\n-30-\n\nProfit fell.\n", ["BP04"]) == [
        ("BP04", 3, 1, 3, 5, "-30-")]


def test_contact_block_labels_are_not_flagged():
    block = ("Exports rose.\n\nMedia contact\nCompany Name: Example Co.\nContact Person: Li Na\n"
             "E-mail: li.na@example.com\nWebsite: www.example.com\nCity: Xi'an\nCountry: China\n")
    assert found(block, ["BP"]) == []


def test_send_email_link_text_in_any_spelling():
    assert found("Email: Send Email\n", ["BP01"]) == [("BP01", 1, 8, 1, 18, "Send Email")]
    assert found("Please send e-mail to us for details.\n", ["BP01"]) == []


def test_caption_line_is_reported_whole_and_credit_in_a_paragraph_alone():
    text = ("New robots on the assembly line (photo by Wu Lei)\n\n"
            "The robots cut assembly time by a fifth. (Photo by Wu Lei)\n\n"
            "Photo/CFP\n")
    assert found(text, ["BP02"]) == [
        ("BP02", 1, 1, 1, 50, "New robots on the assembly line (photo by Wu Lei)"),
        ("BP02", 3, 42, 3, 59, "(Photo by Wu Lei)"),
        ("BP02", 5, 1, 5, 10, "Photo/CFP"),
    ]


def test_photo_words_in_running_text_are_not_captions():
    text = ("The firm sponsors a photo contest. A photo by Ansel Adams hangs in the lobby.\n"
            "The photo shows workers at the plant, the company said in its report of 2022, "
            "which also covered sales, hiring, training and the new warehouse in Suzhou.\n")
    assert found(text, ["BP02"]) == []


def test_source_attribution_is_not_a_meta_strip():
    assert found("GDP grew 5.2%.\nSource: National Bureau of Statistics\n", ["BP07"]) == []
    assert found("[Source: Example Daily] [Editor: Li Na]\n", ["BP07"]) == [
        ("BP07", 1, 1, 1, 40, "[Source: Example Daily] [Editor: Li Na]")]


def test_editor_note_and_editor_in_prose_are_not_credits():
    text = ("Editor's note: the figures are preliminary.\n"
            "She worked as an editor: first at a magazine, then at a publisher.\n")
    assert found(text, ["BP03"]) == []


def test_reporter_byline_is_info_only():
    [f] = lint("(Reporter Zhou Min) Orders rose 9%.\n", ["BP08"])
    assert (f.severity, f.text) == ("info", "(Reporter Zhou Min)")


def test_wire_end_mark_in_full_width_brackets():
    text = "Exports to ASEAN rose 9%.（End）\n\nThe expo runs until Friday.\n"
    assert found(text, ["BP04"]) == [("BP04", 1, 26, 1, 31, "（End）")]


def test_share_bar_with_a_colon_and_a_lower_case_related_header():
    text = ("Geely and Renault sign deal\n\nThe deal was signed on Monday.\n\n"
            "Share to: WeChat Weibo QQ Space\n\nRelated news:\n\nThe related news of the day.\n")
    assert found(text, ["BP06"]) == [("BP06", 5, 1, 5, 32, "Share to: WeChat Weibo QQ Space"),
                                     ("BP06", 7, 1, 7, 14, "Related news:")]


# ---- furniture found above the headline, and the shared predicate (qa/text/furniture.py) ------

SCRAPED_TOP = ("Home | About Us | News | Contact Us\n\n"
               "News Center > Enterprise News > Details\n\n"
               "Publisher: admin    Time: 2024-04-02 09:15:33\n\n"
               "Welcome! Today is Tuesday, April 2, 2024\n\n"
               "Wuxi Biologics Opens New Drug Substance Plant in Ireland\n\n"
               "DUNDALK, Ireland, April 1, 2024 -- WuXi Biologics said on Monday that its plant had "
               "started operations.\n\n"
               "Chart: WuXi Biologics capacity by region, 2020-2024 (unit: 1,000 litres)\n\n"
               "(Zhang Wei, Li Na)\n\nTranslated by Chen Jing\n\nSource: Jiangsu Economic Daily\n")


def title_of(text: str) -> str | None:
    span = plain_title(text)
    return None if span is None else text[span.start:span.end]


def test_headline_is_found_below_page_furniture():
    assert title_of(SCRAPED_TOP) == "Wuxi Biologics Opens New Drug Substance Plant in Ireland"
    assert document_from_text(SCRAPED_TOP, "text").title is not None
    # furniture lines heading the headline's own paragraph are skipped too
    assert title_of("Home >> News >> Exhibitions\nExpo opens in Wuhan\n\nThe expo opened.\n") == \
        "Expo opens in Wuhan"


def test_date_strip_run_into_the_headline_is_not_part_of_it():
    text = "Today is Friday, September 8, 2023 The 23rd Fair Opens in Xiamen\n\nThe fair opened.\n"
    assert title_of(text) == "The 23rd Fair Opens in Xiamen"
    assert found(text, ["BP09"]) == [("BP09", 1, 1, 1, 35, "Today is Friday, September 8, 2023")]


def test_headline_logic_is_unchanged_without_furniture():
    assert title_of("Expo Opens in Wuhan\n\nThe expo opened.\n") == "Expo Opens in Wuhan"
    assert title_of("Home Appliance Makers Gather in Foshan\n\nThey met.\n") == \
        "Home Appliance Makers Gather in Foshan"
    assert title_of("Home > News\n\nOnly one paragraph of prose.\n") is None
    assert title_of("Views: 22\nHeadline\nA second line of prose\n\nBody.\n") is None
    assert title_of("Expo opens.\n") is None


def test_every_scraped_line_is_reported_by_a_boilerplate_rule():
    assert texts(SCRAPED_TOP, ["BP"]) == [
        ("BP06", "Home | About Us | News | Contact Us"),
        ("BP06", "News Center > Enterprise News > Details"),
        ("BP11", "Publisher: admin    Time: 2024-04-02 09:15:33"),
        ("BP09", "Welcome! Today is Tuesday, April 2, 2024"),
        ("BP12", "Chart: WuXi Biologics capacity by region, 2020-2024 (unit: 1,000 litres)"),
        ("BP08", "(Zhang Wei, Li Na)"),
        ("BP10", "Translated by Chen Jing"),
        ("BP10", "Source: Jiangsu Economic Daily"),
    ]


FURNITURE = [
    ("nav", "Home | About | Contact"), ("nav", "Home > News > Local News"),
    ("nav", "Current location: Home > News Center > Culture and Tourism"),
    ("nav", "Share to: WeChat Weibo"), ("meta", "Today is Monday, March 4, 2024"),
    ("meta", "2021-03-04 09:12:45 admin"), ("meta", "2024-01-06 10:21:37  admin  Views: 1386"),
    ("meta", "Release type: original    Release date: 2023-09-15 16:08    Source: Guizhou Daily"),
    ("meta", "February 11, 2023, 13:09:10 [Source: Xinhua News Agency] [Editor: Li Xufeng]"),
    ("meta", "Views: 1386"), ("editor", "Translated by Ma Li"), ("editor", "(Web editor: Li Qiang)"),
    ("source", "Source: Xinhua"), ("source", "Source: Xinhua News Agency"),
    ("chart", "Chart source: NBS"), ("chart", "Figure 2: Output by year"),
    ("photo", "Visitors at the expo (Photo by Chen Hao)"), ("rights", "Copyright © 2023 Example Net"),
    ("end", "(End)"), ("date", "Monday, March 4, 2024"), ("date", "2024-03-04"),
]
CONTENT = [
    "Source: National Bureau of Statistics", "Source: company annual reports",
    "Date: March 8, 2024 Time: 14:00 Venue: Shanghai", "Home appliance makers gather in Foshan",
    "Share of exports rises", "Next-Generation Chips Roll Out", "Print Media Group Opens Plant",
    "Harbin Ice Festival Opens (Photos)", "Editor's note: prices are in yuan.",
    "Close-up: the new tram", "Today is a big day for Hefei", "Resource: the new plan",
    "Shenzhen: Building the nation's first pioneer city", "2023 China (Guizhou) Expo Opens in Guiyang",
]


@pytest.mark.parametrize("kind, line", FURNITURE)
def test_furniture_kind(kind, line):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", CONTENT)
def test_content_is_not_furniture(line):
    assert furniture_kind(line) is None
    assert furniture_prefix(line) == 0


def test_furniture_reading_is_bounded():
    assert furniture_kind("Home > " * 10_000) is None               # over MAX_LINE: content
    assert furniture_prefix("Today is " + "Friday, " * 10_000) == 0


def test_the_predicate_and_the_pack_agree():
    # qa/text/furniture.py (the headline reader's list) and the BP rules (the reports) are two
    # renderings of one list: every furniture line is reported, a bare date line and content not
    for kind, line in FURNITURE:
        reported = [code for code, _ in texts(line + "\n", ["BP"])]
        assert (reported != []) == (kind != "date"), (kind, line, reported)
    for line in CONTENT:
        assert texts(line + "\n", ["BP"]) == [], line
