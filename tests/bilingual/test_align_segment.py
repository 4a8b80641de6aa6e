"""Sentence segmentation for the aligner: Chinese and English units with code-point spans."""
from __future__ import annotations

import time

import pytest

from qa.bilingual import sentences_en, sentences_zh


def zh(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences_zh.sentences(text)]


def en(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences_en.sentences(text)]


@pytest.mark.parametrize("text, units", [
    ("公司发布了新产品。该产品售价3.5万元！你会买吗？",
     ["公司发布了新产品。", "该产品售价3.5万元！", "你会买吗？"]),
    ("一是加强合作；二是扩大开放；三是深化改革。", ["一是加强合作；", "二是扩大开放；", "三是深化改革。"]),
    ("他表示：“我们很高兴。我们会继续努力。”随后他离开了。",
     ["他表示：“我们很高兴。我们会继续努力。”", "随后他离开了。"]),
    ("“推进改革是系统工程。”在会上，他这样说。", ["“推进改革是系统工程。”", "在会上，他这样说。"]),
    ("《关于加快发展的意见。》已经发布。", ["《关于加快发展的意见。》已经发布。"]),
    ("会议（为期三天。）顺利结束。下一项。", ["会议（为期三天。）顺利结束。", "下一项。"]),
    ("增长了3.5%.访问www.example.com.cn了解详情。", ["增长了3.5%.访问www.example.com.cn了解详情。"]),
    ("市场回暖.消费增长。", ["市场回暖.", "消费增长。"]),
    ("苹果、香蕉……等水果都很畅销。他说……然后走了。",
     ["苹果、香蕉……等水果都很畅销。", "他说……", "然后走了。"]),
    ("真的吗？！当然。", ["真的吗？！", "当然。"]),
    ("他说：“好！”）。下一句。", ["他说：“好！”）。", "下一句。"]),
])
def test_chinese_units(text, units):
    assert zh(text) == units


def test_chinese_lines_headlines_and_list_items_are_units():
    text = "华为发布年报\n\n今年的重点有三项：\n一、加大研发投入\n二、拓展海外市场\n（一）欧洲\n1. 亚洲"
    assert zh(text) == ["华为发布年报", "今年的重点有三项：", "一、加大研发投入", "二、拓展海外市场",
                        "（一）欧洲", "1. 亚洲"]


def test_chinese_datelines_stay_with_their_sentence():
    assert zh("新华社北京3月8日电（记者 张三）3月8日，会议在京召开。会期两天。") == [
        "新华社北京3月8日电（记者 张三）3月8日，会议在京召开。", "会期两天。"]
    text = "新华社北京3月8日电\n（记者 张三）会议在京召开。\n本报讯（记者 李四）\n展会开幕。"
    assert zh(text) == ["新华社北京3月8日电\n（记者 张三）会议在京召开。", "本报讯（记者 李四）\n展会开幕。"]
    assert zh("新华社北京3月8日电") == ["新华社北京3月8日电"]


def test_chinese_credit_after_a_caption_stays_with_it():
    assert zh("图为活动现场。（李明 摄）\n下一段。") == ["图为活动现场。（李明 摄）", "下一段。"]


def test_chinese_hard_wrapped_paragraph_is_joined():
    line = "今年以来，本市经济运行总体平稳，主要指标好于预期，"
    text = f"{line}\n{line}\n{line}\n结束了。"
    assert zh(text) == [text]


def test_chinese_spans_are_trimmed_offsets_into_the_text():
    text = "  \u3000第一句。 第二句！\r\n第三句  "
    spans = sentences_zh.sentences(text)
    assert [text[s:e] for s, e in spans] == ["第一句。", "第二句！", "第三句"]
    assert sentences_zh.sentences(text, 3, 8) == [(3, 7)]
    assert sentences_zh.sentences("   \n  ") == []


def test_unmatched_quotes_do_not_swallow_the_paragraph():
    assert zh("“他说。下一句。另一句。") == ["“他说。", "下一句。", "另一句。"]
    assert zh("他说”。下一句。") == ["他说”。", "下一句。"]


@pytest.mark.parametrize("text, units", [
    ("Huawei Technologies Co., Ltd. released it. The U.S. market grew 3.5%. Mr. Zhang agreed.",
     ["Huawei Technologies Co., Ltd. released it.", "The U.S. market grew 3.5%.", "Mr. Zhang agreed."]),
    ('He said "Good." Then he left... The end!', ['He said "Good."', "Then he left...", "The end!"]),
    ("He met Dr. J. Smith at 3 p.m. The talk went on.",
     ["He met Dr. J. Smith at 3 p.m.", "The talk went on."]),
    ("Sales rose in the U.S. The firm said so.", ["Sales rose in the U.S.", "The firm said so."]),
    ("It is No. 5 in Feb. 10 lists. Next.", ["It is No. 5 in Feb. 10 lists.", "Next."]),
    ("1. Two majors are added.\n2. Quotas rise.", ["1. Two majors are added.", "2. Quotas rise."]),
    ("Prices rose in 2023. The bank said so.", ["Prices rose in 2023.", "The bank said so."]),
    ("BEIJING, March 8 (Xinhua) -- The meeting opened.\nHeadline here", [
        "BEIJING, March 8 (Xinhua) -- The meeting opened.", "Headline here"]),
])
def test_english_units(text, units):
    assert en(text) == units


@pytest.mark.parametrize("hostile", [
    "." * 60_000, ". " * 30_000, "a. " * 20_000, "“" * 30_000 + "”" * 30_000, "《" * 60_000,
    '"' * 60_000, "。”" * 30_000, "（" * 30_000 + "）" * 30_000, "1" * 60_000, "新华社北京电\n" * 5_000,
])
def test_segmenters_are_linear_on_hostile_input(hostile):
    start = time.process_time()
    sentences_zh.sentences(hostile)
    sentences_en.sentences(hostile)
    assert time.process_time() - start < 2.0
