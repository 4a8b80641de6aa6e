"""Person-name rules (PN01-PN06): exact findings on releases about other organisations, and
the cases that must pass (foreign names, consistent titles, places, English words)."""
from __future__ import annotations

import os

import pytest

from qa.text.pinyin import SYLLABLES, is_given_name, syllable_count
from tests.helpers import ROOT, found, texts

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")
MINE = ["PN", "LG", "GB02", "GB03", "GB04", "GB05", "GB06", "GB07", "GB08"]


def release(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


# ---- pinyin data ---------------------------------------------------------------------------
def test_syllable_inventory_is_standard_size():
    assert 400 <= len(SYLLABLES) <= 420
    assert {"zhuang", "lve", "xiong", "er", "yuan"} <= SYLLABLES
    assert not {"park", "sing", "fi", "kin"} & SYLLABLES


@pytest.mark.parametrize("word, count", [
    ("Kunlin", 2), ("Zhijun", 2), ("Xiaogang", 2), ("Jiong", 1), ("Ping'an", 2),
    ("Park", 0), ("Kittler", 0), ("Josef", 0), ("Frank", 0), ("Stone", 0),
])
def test_syllable_count(word, count):
    assert syllable_count(word) == count


def test_given_name_shape():
    assert is_given_name("Zhijun")
    assert not is_given_name("ZhiJun")       # inner capital
    assert not is_given_name("zhijun")       # lower case
    assert not is_given_name("Yanjiuyuan")   # three syllables: not a given name


# ---- releases ------------------------------------------------------------------------------
def test_speaker_release_exact_findings():
    assert found(release("people_speakers.txt"), MINE) == [
        ("PN01", 7, 84, 7, 99, "Ms. Liao Xuemei"),
        ("PN06", 9, 86, 9, 91, "Stone"),
        ("PN02", 11, 1, 11, 9, "Xiaoming"),
        ("PN03", 13, 71, 13, 84, "Guoqiang Tang"),
        ("PN05", 17, 39, 17, 46, "wenjing"),
    ]


@pytest.mark.parametrize("name", ["people_foreign.txt", "people_clean.txt"])
def test_clean_releases_pass(name):
    assert found(release(name), MINE) == []


def test_seed_hard_person_items():
    from tests.helpers import SEED
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    assert texts(text, ["PN"]) == [("PN02", "Kunlin"), ("PN01", "Mr. Meng Park"),
                                   ("PN06", "Park")]


# ---- PN01 lone courtesy title --------------------------------------------------------------
def test_lone_title_message_names_the_others():
    text = ("Speakers were Gao Lin, Mayor of Yichang, Mr. Song Jie, CEO of Hubei Rail, "
            "and Fu Ying, President of Three Gorges University.")
    [hit] = [f for f in _lint(text, ["PN01"])]
    assert hit.text == "Mr. Song Jie"
    assert "Gao Lin, Fu Ying" in hit.message
    assert hit.fix.edits[0].text == "Song Jie"


@pytest.mark.parametrize("text", [
    # every name titled: consistent
    "Guests were Mr. Gao Lin, Mayor of Yichang, Mr. Song Jie, CEO of Hubei Rail, and "
    "Ms. Fu Ying, President of Three Gorges University.",
    # an academic title is not a courtesy title
    "Guests were Gao Lin, Mayor of Yichang, Dr. Song Jie, CEO of Hubei Rail, and "
    "Fu Ying, President of Three Gorges University.",
    # only one bare Chinese name
    "Guests were Anna Holm, Mayor of Lund, Mr. Song Jie, CEO of Hubei Rail, and "
    "Fu Ying, President of Three Gorges University.",
    # the titled name is not an item of the list
    "Mr. Song Jie thanked Gao Lin, Fu Ying, Zhou Tao and the city's volunteers.",
])
def test_lone_title_passes(text):
    assert found(text, ["PN01"]) == []


# ---- PN02 truncated name -------------------------------------------------------------------
def test_truncated_name_in_title_interleaved_list():
    text = ("He met Gu Wenhua, Mayor of Jiaxing, Pan Dongmei, Secretary of the Jiaxing "
            "Municipal Committee, and Weiqiang, Director of the Port Bureau.")
    assert found(text, ["PN02"]) == [("PN02", 1, 100, 1, 108, "Weiqiang")]


@pytest.mark.parametrize("text", [
    # a place as a list item
    "In Beijing, Wang Fang, Li Wei and Zhou Jie signed the agreement.",
    "Delegates from Suzhou, Wang Fang, Li Wei and Zhou Jie signed the agreement.",
    # surnames only (second references) throughout
    "Wang, Li and Zhou signed the agreement.",
    # two one-word items: not a lone outlier
    "Kunming, Dali, Wang Fang, Li Wei and Zhou Jie were on the list.",
    # a one-word item far from the names
    "Huawei, Wang Fang, Director of Sales, Li Wei, and Zhou Jie attended.",
])
def test_truncated_name_passes(text):
    assert found(text, ["PN02"]) == []


# ---- PN03 name order -----------------------------------------------------------------------
def test_name_order_reports_minority_order_every_time():
    text = ("Chen Wei opened the plant.\n\nWei Chen said sales doubled. Chen Wei thanked the staff."
            "\n\nAccording to Wei Chen, exports will follow.\n\nChen Wei left on Friday.")
    assert texts(text, ["PN03"]) == [("PN03", "Wei Chen"), ("PN03", "Wei Chen")]


def test_name_order_left_to_glossary_person():
    text = "Zhang Lei founded the company.\n\nLei Zhang said it will expand."
    assert texts(text, ["PN03", "PN04"]) == [("PN04", "Lei Zhang")]


def test_name_order_needs_a_surname():
    text = "Mount Tai and Tai Mount are not names.\n\nXin Lian met Lian Xin."
    assert texts(text, ["PN03"]) == [("PN03", "Lian Xin")]


# ---- PN04 glossary aliases -----------------------------------------------------------------
def test_glossary_aliases_prefer_canonical():
    text = "Meng Pu opened the forum.\n\nFrank Meng spoke on 5G. Meng Pu closed it."
    assert found(text, ["PN04"]) == [("PN04", 1, 1, 1, 8, "Meng Pu"),
                                     ("PN04", 3, 25, 3, 32, "Meng Pu")]


def test_glossary_aliases_most_used_without_canonical(tmp_path):
    g = tmp_path / "people.toml"
    g.write_text('[[entity]]\ncanonical = "Pony Ma"\nvariants = ["Ma Huateng", "Huateng Ma"]\n'
                 'kind = "person"\n', encoding="utf-8")
    text = "Ma Huateng spoke.\n\nMa Huateng left.\n\nHuateng Ma returned."
    assert texts(text, ["PN04"], glossaries=(str(g),)) == [("PN04", "Huateng Ma")]


def test_one_glossary_form_is_fine():
    assert found("Frank Meng opened the forum. Frank Meng closed it.", ["PN04"]) == []


# ---- PN05 lower-case given name ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "You are invited to the launch.",
    "He said Long human history matters.",
    "Sun rises over Wang manager offices.",
    "The report by Lin anger management experts.",
])
def test_lower_case_given_name_passes_english(text):
    assert found(text, ["PN05"]) == []


def test_lower_case_given_name_fix():
    [f] = _lint("The award went to Chen xiaoli of Nanjing.", ["PN05"])
    assert (f.text, f.fix.edits[0].text) == ("xiaoli", "Xiaoli")


# ---- PN06 non-pinyin word in a Chinese name ------------------------------------------------
@pytest.mark.parametrize("text", [
    # English-order names and foreign names
    "Guests were Frank Meng, Chairman of Qualcomm China, Zhou Jiong and Zhang Lei.",
    "Guests were Josef Kittler, Wu Hequan, Zhou Jiong and Zhang Lei.",
    "Guests were Li Ka-shing, Wu Hequan, Zhou Jiong and Zhang Lei.",
    "Guests were Park Min-jun, Wu Hequan, Zhou Jiong and Zhang Lei.",
    # a surname plus an English word outside a Chinese list or title
    "Visitors saw Song Park, Lake Lodge and the Old Mill.",
])
def test_non_pinyin_given_name_passes(text):
    assert found(text, ["PN06"]) == []


def test_non_pinyin_given_name_before_chinese_title():
    text = ("The deal was signed by Anna Holm, CEO of Nordic Rail, and Gao Forest, Chairman of "
            "China Railway Signal.")
    assert texts(text, ["PN06"]) == [("PN06", "Forest")]


def _lint(text, select, **kw):
    from tests.helpers import lint
    return [f for f in lint(text, select, **kw) if not f.suppressed]


# ---- text beyond ASCII (the rules then use their Unicode patterns) --------------------------
def test_name_rules_in_a_release_with_accented_words():
    text = ("Ping'an Li met Li Ping'an. Wei Chen spoke.\n\n"
            "Chen Wei and Trần Wei and Chen Wei left.")
    assert found(text, ["PN03"]) == [("PN03", 1, 16, 1, 26, "Li Ping'an"),
                                     ("PN03", 1, 28, 1, 36, "Wei Chen")]
    assert found("Lu youqin opened. Café owners met Lu jianwen, dean.", ["PN05"]) == [
        ("PN05", 1, 4, 1, 10, "youqin"), ("PN05", 1, 38, 1, 45, "jianwen")]
    text = ("Speeches were given by Li Ming, President of Anhua University, Mr. Gao Ruiwen, "
            "Chairman of Hengtai Group, and Sun Wei, Director of the Café Bureau.")
    assert found(text, ["PN01"]) == [("PN01", 1, 64, 1, 78, "Mr. Gao Ruiwen")]


# ---- PN07 a whole name in lower case -------------------------------------------------------
def test_lower_case_names_in_a_release():
    text = ("Farm Yields Rise in Anhui\n\n"
            "\"We planted the trial plots in October,\" li jianguo said. According to wang hong, "
            "yields rose 8 percent, and the study by professor zhou min was cited.\n\n"
            "xu dongsheng, director of the station, said the seed would be sold next year, said "
            "chen haiyan. He said the fan club and an ai model helped; he long said so.\n")
    assert [(f.text, f.suggestion) for f in _lint(text, ["PN07"])] == [
        ("li jianguo", "Li Jianguo"), ("wang hong", "Wang Hong"), ("zhou min", "Zhou Min"),
        ("xu dongsheng", "Xu Dongsheng"), ("chen haiyan", "Chen Haiyan")]


def test_lower_case_names_found_in_lower_cased_mt_are_real_names():
    """Every name PN07 finds in the WMT dev documents written wholly in lower case is a
    capitalised two-word name in the original: no English words taken for names."""
    import glob

    from tests.helpers import shared
    docs = sorted(glob.glob(os.path.join(shared("data", "wmt23-zhen-dev", "docs"), "*.txt")))
    count = 0
    for path in docs[::3]:
        with open(path, encoding="utf-8") as fh:
            original = fh.read()
        for f in _lint(original.lower(), ["PN07"]):
            name = original[f.offset:f.end_offset]
            assert len(name.split()) == 2 and name.istitle(), (path, name)
            count += 1
    assert count >= 20


# ---- PN08 titles before a name in Chinese order ---------------------------------------------
def test_title_chains_in_a_release():
    text = ("Henan Holds Grain Security Conference\n\n"
            "Secretary of the Provincial Party Committee of Henan Province Chairman of the "
            "Standing Committee of the Provincial People's Congress Lou Yangsheng delivered a "
            "speech. Director of the Henan Provincial Department of Agriculture and Rural Affairs "
            "Song Dapeng briefed the meeting, and Governor Wang Kai and Minister of Agriculture "
            "and Rural Affairs Han Jun attended.\n\n"
            "Member of the Standing Committee of the Provincial Party Committee, Executive Vice "
            "Governor of the Provincial Government Sun Shougang presided. Speeches were given by "
            "Li Ming, President of Henan University Gao Rui, and others.\n")
    assert [(f.text, f.suggestion) for f in _lint(text, ["PN08"])] == [
        ("Secretary of the Provincial Party Committee of Henan Province Chairman of the Standing "
         "Committee of the Provincial People's Congress Lou Yangsheng", None),
        ("Director of the Henan Provincial Department of Agriculture and Rural Affairs Song "
         "Dapeng", "Song Dapeng, Director of the Henan Provincial Department of Agriculture and "
         "Rural Affairs,"),
        ("Member of the Standing Committee of the Provincial Party Committee, Executive Vice "
         "Governor of the Provincial Government Sun Shougang",
         "Sun Shougang, Member of the Standing Committee of the Provincial Party Committee, "
         "Executive Vice Governor of the Provincial Government,"),
    ]


def test_two_organisations_titles_joined_by_a_comma_are_stacked():
    text = ("Fuzhou Hosts Digital Summit\n\nFujian Provincial Party Committee Standing Committee "
            "Member, Fuzhou Municipal Party Committee Secretary Huang Mingyuan chaired it. Fuzhou "
            "Municipal Party Committee Secretary Huang Mingyuan spoke. Alibaba Group CEO Wu Yongming, "
            "JD Group CEO Xu Ran and others attended.\n")
    assert [(f.text, f.suggestion) for f in _lint(text, ["PN08"])] == [
        ("Fujian Provincial Party Committee Standing Committee Member, Fuzhou Municipal Party "
         "Committee Secretary Huang Mingyuan", None)]


@pytest.mark.parametrize("text", [
    "Chinese Foreign Minister Wang Yi met the delegation with Vice Premier He Lifeng.",
    "Foreign Ministry spokesperson Mao Ning and PBOC Governor Pan Gongsheng spoke.",
    "Minister of Foreign Affairs Wang Yi and Professor of Economics Li Daokui spoke.",
    "Huawei Rotating Chairman Xu Zhijun and Jiangsu Party Secretary Xin Changxing spoke.",
    "Xu Kunlin, Governor of Jiangsu Province, and Gao Rui, President of Henan University, spoke.",
    "The team, led by Professor Xu Jianping of the School of Life Sciences and Professor Lin "
    "Meiqi of the Cancer Center, sequenced the samples.",
])
def test_title_chain_passes_english_order(text):
    assert found(text, ["PN08"]) == []
