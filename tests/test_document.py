"""The document model: paragraphs, sentences (abbreviation-aware), words, enumerations,
titles and the line index, on plain text."""
from __future__ import annotations

import pytest

from qa.document import document_from_text
from qa.document.lines import LineIndex


def sentences(text: str) -> list[str]:
    doc = document_from_text(text)
    return [doc.slice(s) for s in doc.sentences]


@pytest.mark.parametrize("text, expected", [
    ("Huawei Technologies Co., Ltd. signed the deal. Shares rose.",
     ["Huawei Technologies Co., Ltd. signed the deal.", "Shares rose."]),
    ("The deal went to Huawei Technologies Co., Ltd. The shares rose.",
     ["The deal went to Huawei Technologies Co., Ltd.", "The shares rose."]),
    ("Mr. Zhang met Dr. Li in the U.S. capital on Oct. 23. They talked.",
     ["Mr. Zhang met Dr. Li in the U.S. capital on Oct. 23.", "They talked."]),
    ("It ranked No. 1 in China. It grew.", ["It ranked No. 1 in China.", "It grew."]),
    ("Sales grew in the U.S. The company said so.", ["Sales grew in the U.S.", "The company said so."]),
    ("J. K. Rowling spoke. “It is done,” she said. Next!",
     ["J. K. Rowling spoke.", "“It is done,” she said.", "Next!"]),
    ("Output rose 3.5 percent, e.g. in Wuxi. Fine.", ["Output rose 3.5 percent, e.g. in Wuxi.", "Fine."]),
    ("增长了。Next sentence.", ["增长了。", "Next sentence."]),
])
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_lines_of_a_paragraph_are_sentences_unless_hard_wrapped():
    block = "Media contact\nCompany Name: Acme\nCity: Wuxi\n"
    assert sentences(block) == ["Media contact", "Company Name: Acme", "City: Wuxi"]
    wrapped = ("The People's Government of Jiangsu Province hosted the expo, which\n"
               "was organised by the Wuxi Municipal People's Government and opened on\n"
               "Saturday. It closes on Monday.\n")
    assert len(sentences(wrapped)) == 2


def test_paragraphs_title_and_positions_with_crlf():
    text = "Acme opens plant\r\n\r\nFirst paragraph.\r\nStill first.\r\n\r\n\r\nSecond.\r\n"
    doc = document_from_text(text)
    assert [doc.slice(p) for p in doc.paragraphs] == [
        "Acme opens plant", "First paragraph.\r\nStill first.", "Second."]
    assert doc.slice(doc.title) == "Acme opens plant"
    assert doc.position(text.index("Still")) == (4, 1)
    assert doc.position(text.index("Second")) == (7, 1)


def test_no_title_for_a_single_paragraph_or_long_first_line():
    assert document_from_text("Just one paragraph.").title is None
    assert document_from_text("x " * 300 + "\n\nBody.").title is None
    assert document_from_text("A b. " * 60 + "\n\nBody.").title is None


def test_line_index_handles_cr_crlf_and_lf():
    idx = LineIndex("a\rb\r\nc\nd")
    assert [idx.position(o) for o in (0, 2, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert idx.offset(3, 1) == 5
    assert idx.position(8) == (4, 2)


def test_words_keep_inner_punctuation():
    doc = document_from_text("JD.com's real-time U.S. data, 3,000 units.")
    assert [doc.slice(w) for w in doc.words] == ["JD.com's", "real-time", "U.S", "data", "3,000", "units"]


def test_enumerations_keep_legal_suffixes_and_numbers_together():
    text = ("Guests came from China Telecom Group Co., Ltd, Haier Group, Inspur Group Co., Ltd, "
            "3,000 firms, ZTE and other organizations.")
    doc = document_from_text(text)
    [enum] = doc.enumerations
    assert [doc.slice(i) for i in enum.items] == [
        "China Telecom Group Co., Ltd", "Haier Group", "Inspur Group Co., Ltd", "3,000 firms", "ZTE",
        "other organizations"]


def test_markup_list_items_form_an_enumeration():
    doc = document_from_text("# Partners\n\n- Haier Group\n- JD.com\n- Haier Group\n", "markdown")
    assert [[doc.slice(i) for i in e.items] for e in doc.enumerations] == [
        ["Haier Group", "JD.com", "Haier Group"]]


def test_word_count_counts_han_characters_singly():
    assert document_from_text("Wuxi 无锡 IoT expo").word_count == 5


def test_memo_computes_once():
    doc = document_from_text("Text.")
    calls = []
    assert doc.memo("k", lambda d: calls.append(1) or 42) == 42
    assert doc.memo("k", lambda d: calls.append(1) or 43) == 42
    assert calls == [1]


def test_document_is_immutable():
    doc = document_from_text("Text.")
    with pytest.raises(AttributeError):
        doc.text = "other"
