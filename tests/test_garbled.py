"""Garbled-fragment rules (GB02-GB08): exact findings on a release, and the near misses that
must pass (brands, URLs, e-mail, well-formed numbers, right ordinals)."""
from __future__ import annotations

import os

import pytest

from qa.checks.garbled.numbers import ordinal_suffix
from tests.helpers import ROOT, found, lint, texts

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")
GB = ["GB02", "GB03", "GB04", "GB05", "GB06", "GB07", "GB08", "GB09"]


def release(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_fragment_release_exact_findings():
    assert found(release("garbled_fragments.txt"), GB) == [
        ("GB04", 3, 100, 3, 106, "Dec.22"),
        ("GB05", 3, 104, 3, 108, "22th"),
        ("GB02", 5, 84, 5, 88, "etc."),
        ("GB02", 5, 141, 5, 145, "etc."),
        ("GB03", 7, 39, 7, 42, "The"),
        ("GB04", 7, 100, 7, 107, "Mr.Zhou"),
        ("GB04", 9, 41, 9, 50, "China2025"),
        ("GB06", 9, 122, 9, 129, "3000,20"),
        ("GB08", 9, 201, 9, 213, "1200 billion"),
        ("GB07", 11, 29, 11, 34, "<>,<>"),
    ]


@pytest.mark.parametrize("name", ["people_clean.txt", "people_foreign.txt", "people_speakers.txt"])
def test_other_releases_have_no_fragments(name):
    assert found(release(name), GB) == []


def test_seed_etc_with_and_other():
    from tests.helpers import SEED
    with open(SEED, encoding="utf-8") as fh:
        assert texts(fh.read(), GB) == [("GB02", "etc.")]


# ---- GB02 ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "We make pumps, valves, pipes, etc. The new plant opens in May.",
    "Including taxes, the price is 30 yuan. Pumps, valves, etc. are sold separately.",
    "It sells pumps, valves etc.; other products include filters and other parts.",
])
def test_etc_alone_passes(text):
    assert found(text, ["GB02"]) == []


def test_and_other_before_etc():
    assert texts("It makes pumps and other parts etc. for export.", ["GB02"]) == [("GB02", "etc.")]


# ---- GB03 ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The story ran in The Economist and The Wall Street Journal.",
    "According to Zhang Wei The interview ended early.".replace("Zhang Wei The", "Zhang Wei. The"),
    "Visitors toured The Hague and The Bund.",
])
def test_the_after_non_name_passes(text):
    assert found(text, ["GB03"]) == []


def test_the_after_name_before_a_lower_case_title():
    text = "The team was led by Zhao Yanbin The professor of materials science.\n"
    assert found(text, ["GB03"]) == [("GB03", 1, 33, 1, 36, "The")]


# ---- GB04 ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Follow us on WeChat, YouTube and LinkedIn; PetroChina and iPhone users welcome.",
    "Servers run openEuler and openGauss.",
    "Visit https://www.example.com/expo2025 or write to info.China2025@example.cn today.",
    "See Chinanews.com and JD.com for details; the ISO9001 and COP28 meetings continue.",
    "The WIOT2021 site and EXPO2020 logo are brand names.",
    "Download report2023.pdf and photo_2024.jpg from the press kit.",
])
def test_joined_words_pass_brands_urls_and_mail(text):
    assert found(text, ["GB04"]) == []


def test_joined_words_kinds_and_fixes():
    text = "The provinceIssued plan starts in2024 after the 2023Expo with Dr.Wang."
    got = [(f.text, f.suggestion) for f in lint(text, ["GB04"])]
    assert got == [("provinceIssued", None), ("in2024", "in 2024"),
                   ("2023Expo", "2023 Expo"), ("Dr.Wang", "Dr. Wang")]


def test_joined_words_allow_option():
    text = "Data runs on openKylin and grandLinker."
    assert texts(text, ["GB04"]) == [("GB04", "grandLinker")]
    assert texts(text, ["GB04"], options={"GB04": {"allow": ["grandLinker"]}}) == []


def test_joined_words_new_shapes():
    text = ("ChairmanZhou's letter came out in Harbin.The new vice presidents, Sun Peng, "
            "LiuJianhua and Deng Hao, will speed up approval,accelerate building, open "
            "230wineries and host The23rd fair inDevelopment zones ofChina; firms in China "
            "agree.\n")
    got = [(f.text, f.suggestion) for f in lint(text, ["GB04"])]
    assert got == [("ChairmanZhou", "Chairman Zhou"), ("Harbin.The", "Harbin. The"),
                   ("LiuJianhua", "Liu Jianhua"), ("approval,accelerate", "approval, accelerate"),
                   ("230wineries", "230 wineries"), ("The23rd", "The 23rd"),
                   ("inDevelopment", None), ("ofChina", "of China")]


def test_a_number_with_a_decimal_point_or_thousands_run_into_a_word():
    text = "Auctions sold 12.6million stems and 3,000tonnes of bulbs, up 2.5percent.\n"
    got = [(f.text, f.suggestion) for f in lint(text, ["GB04"])]
    assert got == [("12.6million", "12.6 million"), ("3,000tonnes", "3,000 tonnes"),
                   ("2.5percent", "2.5 percent")]


def test_joined_words_after_a_function_word_even_where_a_web_word_list_has_the_join():
    # wordfreq lists 'theworld' and 'andthe' (web text): after a function word that is no brand
    text = "Exports to theWorld market grew andThe plan, made forDevelopment, was approved."
    got = [f.text for f in lint(text, ["GB04"])]
    assert got == ["theWorld", "andThe", "forDevelopment"]


@pytest.mark.parametrize("text", [
    "Buy an iPhone on eBay; iFlytek, vivo, easyJet and smartThings users are welcome.",
    "ZhongAn Online grew; ZhongAn Insurance, led by Ou Jiwei, and Yang Xue agreed.",
    "The grandLinker app and the grandLinker kit ship together.",
    "Growth was 3.5%, e.g. at 10:30 in the U.S. and at No.1 Middle School, Huawei Co.,Ltd.",
    "Speeds of 100Mbps, 5kWh packs, 30mins, 5G and 4K; the Mate60Pro runs Node.js and "
    "Booking.Com. Apple Inc.The",
    "Born in St.Petersburg, he joined Acme Inc.Then he left.",
    "Tag #ChinaExpo2024 and #tradeExpo, follow @vivoGlobal or iFlytek_Official; CO2, H2O and "
    "LiFePO4 cells; see decimal.Decimal and pdb.Pdb in the code.",
    "See www.tradeand.com, trade.Net, mail info.Harbin@example.cn or report,final.pdf.",
])
def test_joined_words_look_alikes_pass(text):
    assert found(text, ["GB04"]) == []


def test_a_body_or_place_run_into_a_title():
    text = ("Zhejiang University CollegeProfessor Li Wei met the ProvinceGovernor; PowerPoint "
            "slides and YouTube clips were shown.\n")
    got = [(f.text, f.suggestion) for f in lint(text, ["GB04"])]
    assert got == [("CollegeProfessor", "College Professor"), ("ProvinceGovernor", "Province Governor")]


# ---- GB09 ----------------------------------------------------------------------------------
def test_a_capitalised_word_run_into_a_function_word():
    text = ("Tsinghua Universityand Peking University signed with the Centerfor Research of the "
            "Provinceof Hunan; delegates from Thailand, Iceland, Portland and Dublin came.\n")
    got = [(f.text, f.suggestion) for f in lint(text, ["GB09"])]
    assert got == [("Universityand", "University and"), ("Centerfor", "Center for"),
                   ("Provinceof", "Province of")]


def test_run_together_words_found_with_suggestions():
    text = ("The growth ofthe region and trade inthis area: tradeand investment, the "
            "iceandsnow economy and economicdevelopment.\n")
    got = [(f.text, f.suggestion) for f in lint(text, ["GB09"])]
    assert got == [("ofthe", "of the"), ("inthis", "in this"), ("tradeand", "trade and"),
                   ("iceandsnow", "ice and snow"),
                   ("economicdevelopment", "economic development")]


def test_run_together_word_near_a_common_word_has_no_suggestion():
    got = [(f.text, f.suggestion, f.message) for f in lint("The new listsings are out.", ["GB09"])]
    assert got[0][:2] == ("listsings", None) and "'listings'" in got[0][2]


@pytest.mark.parametrize("text", [
    "Nonetheless, whereas prices fell into line and onto shelves, we cannot say the "
    "wholesale and everyday markets grew throughout the year.",
    "The photovoltaic plant speeds decarbonisation; the organisation of livestreamers "
    "and the programme centre, with agritech and provincewide fintech, were praised.",
    "Visitors went to zhangjiakou and lecheng; see www.tradeand.com or trade-and-invest.",
    "The grandlinker tool and the grandlinker app ship together.",
    "He said: la tradeand magnifique ventura conmigo was the motto.",
    "Call tradeand() or set tradeand=1 in the `config`.",
    "Tag #tradeand, mail tradeand@example.com or open tradeand.pdf and /srv/tradeand/.",
])
def test_run_together_look_alikes_pass(text):
    assert found(text, ["GB09"]) == []


def test_run_together_allow_option():
    assert texts("We make tradeand goods.", ["GB09"]) == [("GB09", "tradeand")]
    assert texts("We make tradeand goods.", ["GB09"], options={"GB09": {"allow": ["tradeand"]}}) == []


# ---- GB05 ----------------------------------------------------------------------------------
@pytest.mark.parametrize("n, suffix", [(1, "st"), (2, "nd"), (3, "rd"), (4, "th"), (11, "th"),
                                       (12, "th"), (13, "th"), (21, "st"), (22, "nd"), (111, "th"),
                                       (102, "nd")])
def test_ordinal_suffix(n, suffix):
    assert ordinal_suffix(n) == suffix


def test_wrong_ordinals():
    text = "The 1st, 2nd, 3th, 11st, 12th, 21th and 44th editions; version 2.1st is odd."
    assert texts(text, ["GB05"]) == [("GB05", "3th"), ("GB05", "11st"), ("GB05", "21th")]


# ---- GB06 ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Sales reached 1,250,000 units, up 3,5 percent.",
    "It was founded on May 5,2020 and expanded in 2020,2021.",
    "The budget is 12.5 million yuan, or 3,000.50 yuan per person.",
])
def test_well_formed_or_ambiguous_numbers_pass(text):
    assert found(text, ["GB06"]) == []


def test_malformed_numbers():
    text = "Output: 1,000,20 tonnes, 12,3456 units and 45000,125 yuan."
    assert texts(text, ["GB06"]) == [("GB06", "1,000,20"), ("GB06", "12,3456"),
                                     ("GB06", "45000,125")]


# ---- GB07, GB08 ----------------------------------------------------------------------------
def test_empty_placeholders():
    text = "Contact () or [ ] or 《》; see <a> for details; call always() or x[]."
    assert texts(text, ["GB07"]) == [("GB07", "()"), ("GB07", "[ ]")]


def test_empty_placeholder_ignores_brackets_emptied_by_markup():
    text = "Run the check (`release-qa check`) or see [the guide](https://example.com) ()."
    assert found(text, ["GB07"], fmt="markdown") == [("GB07", 1, 76, 1, 78, "()")]


def test_number_scale_suggestions():
    text = ("Trade hit 1,200.5 billion yuan; 3.5 ten thousand visitors; 1.2 hundred million "
            "users; 10 billion yuan.")
    got = [(f.text, f.suggestion) for f in lint(text, ["GB08"])]
    assert got == [("1,200.5 billion", None), ("3.5 ten thousand", "35,000"),
                   ("1.2 hundred million", "120 million")]     # billions: 亿 or 万亿? the source tells


def test_number_scale_with_grouped_digits():
    got = [(f.text, f.suggestion) for f in lint("Sales reached 1,568,300 ten thousand yuan.", ["GB08"])]
    assert got == [("1,568,300 ten thousand", "15.683 billion")]


# ---- beyond ASCII: non-ASCII digits and spaces take the Unicode patterns --------------------
def test_non_ascii_digits_in_joined_words_and_numbers():
    text = ("The Made in China２０２１ plan and the 20２１World forum opened on Dec.２2 with "
            "3000,２0 units.")
    assert found(text, GB) == [
        ("GB04", 1, 36, 1, 45, "20２１World"),
        ("GB04", 1, 62, 1, 68, "Dec.２2"),
        ("GB06", 1, 74, 1, 81, "3000,２0"),
    ]


def test_non_ascii_digits_and_spaces_in_ordinals_and_placeholders():
    text = ("Sales hit the ２２th record, the 3rd and 11st time; 1,000,20 units and ( \u3000) "
            "and <\u00a0>.")
    assert found(text, GB) == [
        ("GB05", 1, 15, 1, 19, "２２th"),
        ("GB05", 1, 40, 1, 44, "11st"),
        ("GB06", 1, 51, 1, 59, "1,000,20"),
        ("GB07", 1, 70, 1, 74, "( \u3000)"),
        ("GB07", 1, 79, 1, 82, "<\u00a0>"),
    ]


def test_scale_and_stray_the_beside_non_ascii_text():
    assert texts("Output reached 1000 ＢＩＬＬＩＯＮ yuan and 2.5 TEN\u00a0THOUSAND visitors.",
                 GB) == [("GB08", "2.5 TEN\u00a0THOUSAND")]
    assert found("Hosted by Shen Yulan The Consul General, and Café Shen Yulan The Mayor.",
                 GB) == [("GB03", 1, 22, 1, 25, "The"), ("GB03", 1, 62, 1, 65, "The")]


@pytest.mark.parametrize("text, expected", [
    ("The park covers the whole area.Zhangjiakou will host the games.\n",
     [("area.Zhangjiakou", "area. Zhangjiakou")]),
    ("See www.example.Com, node.js, the U.S.Army band and Feb.It sold.\n", []),
])
def test_sentences_run_together(text, expected):
    assert [(f.text, f.suggestion) for f in lint(text, ["GB04"])] == expected
